using static NotebookDL.torch;
using static NotebookDL.Tests.Autograd.GradInputs;

namespace NotebookDL.Tests.Autograd;

/// <summary>Views, joins, gathers and matrix products: ops that move gradients around rather than scale them.</summary>
internal static partial class GradCheckCases
{
    private static void AddViews(Dictionary<string, GradCase> c)
    {
        Add(c, "reshape", x => x[0].reshape(6, -1), () => Randn(100, 3, 4));
        Add(c, "view", x => x[0].view(2, 6), () => Randn(101, 3, 4));
        Add(c, "reshape_noncontiguous", x => x[0].t().reshape(12), () => Randn(102, 3, 4));
        Add(c, "permute", x => x[0].permute(2, 0, 1), () => Randn(103, 2, 3, 4));
        Add(c, "transpose", x => x[0].transpose(0, 2), () => Randn(104, 2, 3, 4));
        Add(c, "t", x => x[0].t(), () => Randn(105, 3, 4));
        Add(c, "mT", x => x[0].mT, () => Randn(106, 2, 3, 4));
        Add(c, "T", x => x[0].T, () => Randn(107, 2, 3, 4));
        Add(c, "slice_range", x => x[0][1..3], () => Randn(108, 5, 4));
        Add(c, "slice_from_end", x => x[0][^2..], () => Randn(109, 5, 4));
        Add(c, "slice_step2", x => x[0][TensorIndex.Slice(0, null, 2)], () => Randn(110, 5, 4));
        Add(c, "slice_dim1_step3", x => x[0][.., TensorIndex.Slice(1, null, 3)], () => Randn(111, 3, 7));
        Add(c, "select", x => x[0].select(1, 2), () => Randn(112, 3, 4, 2));
        Add(c, "index_negative", x => x[0][-1], () => Randn(113, 3, 4));
        Add(c, "index_ellipsis", x => x[0][TensorIndex.Ellipsis, 0], () => Randn(114, 2, 3, 4));
        Add(c, "index_none", x => x[0][TensorIndex.None, .., TensorIndex.None] * x[1], () => Randn(115, 3, 4), () => Randn(116, 2, 3, 5, 1));
        Add(c, "index_mixed", x => x[0][1, TensorIndex.Slice(0, null, 2), TensorIndex.None, -1], () => Randn(117, 2, 5, 3));
        Add(c, "index_int_tensor", x => x[0][tensor(new long[] { 2, 0, 2 })], () => Randn(118, 3, 4));
        Add(c, "index_int_tensor_dim1", x => x[0][.., tensor(new long[] { 3, 3, 1 })], () => Randn(119, 3, 4));
        Add(c, "index_mask", x => x[0][x[0].detach() > 0.0], () => Distinct(120, 3, 4));
        Add(c, "expand", x => x[0].expand(3, 4), () => Randn(121, 1, 4));
        Add(c, "expand_new_dims", x => x[0].expand(2, 3, 4), () => Randn(122, 3, 1));
        Add(c, "expand_then_slice", x => x[0].expand(3, 4)[.., 1..], () => Randn(123, 3, 1));
        Add(c, "narrow", x => x[0].narrow(1, 1, 2), () => Randn(124, 3, 4));
        Add(c, "unsqueeze", x => x[0].unsqueeze(1), () => Randn(125, 3, 4));
        Add(c, "unsqueeze_noncontiguous", x => x[0].t().unsqueeze(0), () => Randn(126, 3, 4));
        Add(c, "squeeze", x => x[0].squeeze(), () => Randn(127, 3, 1, 4, 1));
        Add(c, "squeeze_dim", x => x[0].squeeze(1), () => Randn(128, 3, 1, 4));
        Add(c, "flatten", x => x[0].flatten(1), () => Randn(129, 2, 3, 4));
        Add(c, "chunk", x => x[0].chunk(2, 1)[1], () => Randn(130, 3, 4));
        Add(c, "split", x => x[0].split(2)[1] * x[0].split(2)[0], () => Randn(131, 4, 3));
        Add(c, "view_chain", x => x[0][1..][.., 1..3].t().reshape(-1), () => Randn(132, 4, 5));
        Add(c, "contiguous_of_view", x => x[0].t().contiguous(), () => Randn(133, 3, 4));
        Add(c, "clone", x => x[0].clone() * 2, () => Randn(134, 3, 4));
    }

    private static void AddJoinsAndGathers(Dictionary<string, GradCase> c)
    {
        Add(c, "cat_dim0", x => cat(x, 0), () => Randn(140, 2, 3), () => Randn(141, 4, 3));
        Add(c, "cat_dim1_three", x => cat(x, 1), () => Randn(142, 2, 1), () => Randn(143, 2, 3), () => Randn(144, 2, 2));
        Add(c, "cat_views", x => cat([x[0].t(), x[1][1..]], -1), () => Randn(145, 3, 2), () => Randn(146, 3, 3));
        Add(c, "stack_dim0", x => stack(x, 0), () => Randn(147, 2, 3), () => Randn(148, 2, 3), () => Randn(149, 2, 3));
        Add(c, "stack_dim2", x => stack(x, 2), () => Randn(150, 2, 3), () => Randn(151, 2, 3));
        Add(c, "where", x => where(x[0].detach() > 0.0, x[0], x[1]), () => Randn(152, 3, 4), () => Randn(153, 3, 4));
        Add(c, "where_broadcast", x => where(x[2].detach() > 0.0, x[0], x[1]), () => Randn(154, 3, 1), () => Randn(155, 4), () => Randn(156, 3, 4));
        Add(c, "where_scalar", x => where(x[0].detach() > 0.0, x[0], 0.5), () => Randn(157, 3, 4));
        Add(c, "gather_dim1", x => x[0].gather(1, tensor(new long[,] { { 0, 3, 3 }, { 1, 1, 2 }, { 2, 0, 0 } })), () => Randn(158, 3, 4));
        Add(c, "gather_dim0", x => x[0].gather(0, tensor(new long[,] { { 2, 0, 1, 1 }, { 0, 0, 2, 1 } })), () => Randn(159, 3, 4));
        Add(c, "index_select_dim0_dup", x => x[0].index_select(0, tensor(new long[] { 0, 2, 2, 4 })), () => Randn(160, 5, 3));
        Add(c, "index_select_dim1", x => x[0].index_select(1, tensor(new long[] { 3, 0 })), () => Randn(161, 2, 4, 3));
    }

    private static void AddMatMul(Dictionary<string, GradCase> c)
    {
        Add(c, "matmul_1d_1d", x => matmul(x[0], x[1]), () => Randn(170, 4), () => Randn(171, 4));
        Add(c, "matmul_1d_2d", x => matmul(x[0], x[1]), () => Randn(172, 4), () => Randn(173, 4, 5));
        Add(c, "matmul_2d_1d", x => matmul(x[0], x[1]), () => Randn(174, 3, 4), () => Randn(175, 4));
        Add(c, "matmul_2d_2d", x => matmul(x[0], x[1]), () => Randn(176, 3, 4), () => Randn(177, 4, 5));
        Add(c, "matmul_3d_3d", x => matmul(x[0], x[1]), () => Randn(178, 2, 3, 4), () => Randn(179, 2, 4, 5));
        Add(c, "matmul_3d_2d", x => matmul(x[0], x[1]), () => Randn(180, 2, 3, 4), () => Randn(181, 4, 5));
        Add(c, "matmul_2d_3d", x => matmul(x[0], x[1]), () => Randn(182, 3, 4), () => Randn(183, 2, 4, 5));
        Add(c, "matmul_1d_3d", x => matmul(x[0], x[1]), () => Randn(184, 4), () => Randn(185, 2, 4, 5));
        Add(c, "matmul_3d_1d", x => matmul(x[0], x[1]), () => Randn(186, 2, 3, 4), () => Randn(187, 4));
        Add(c, "matmul_broadcast_batch", x => matmul(x[0], x[1]), () => Randn(188, 2, 1, 3, 4), () => Randn(189, 3, 4, 5));
        Add(c, "matmul_a_transposed", x => matmul(x[0].t(), x[1]), () => Randn(190, 4, 3), () => Randn(191, 4, 5));
        Add(c, "matmul_b_transposed", x => matmul(x[0], x[1].t()), () => Randn(192, 3, 4), () => Randn(193, 5, 4));
        Add(c, "matmul_both_transposed", x => matmul(x[0].t(), x[1].t()), () => Randn(194, 4, 3), () => Randn(195, 5, 4));
        Add(c, "matmul_batch_mT", x => matmul(x[0].mT, x[1].mT), () => Randn(196, 2, 4, 3), () => Randn(197, 2, 5, 4));
        Add(c, "matmul_sliced_operands", x => matmul(x[0][.., 1..], x[1][TensorIndex.Slice(0, null, 2)]), () => Randn(198, 3, 5), () => Randn(199, 8, 2));
        Add(c, "matmul_permuted_batch", x => matmul(x[0].permute(1, 0, 2), x[1]), () => Randn(200, 3, 2, 4), () => Randn(201, 2, 4, 5));
        Add(c, "matmul_same_operand", x => matmul(x[0], x[0].t()), () => Randn(202, 3, 4));
        Add(c, "mm", x => x[0].mm(x[1]), () => Randn(203, 3, 4), () => Randn(204, 4, 5));
        Add(c, "mm_transposed", x => mm(x[0].t(), x[1].t()), () => Randn(205, 4, 3), () => Randn(206, 5, 4));
        Add(c, "bmm", x => x[0].bmm(x[1]), () => Randn(207, 2, 3, 4), () => Randn(208, 2, 4, 5));
        Add(c, "bmm_transposed", x => bmm(x[0], x[1].transpose(1, 2)), () => Randn(209, 2, 3, 4), () => Randn(210, 2, 5, 4));
        Add(c, "dot", x => x[0].dot(x[1]), () => Randn(211, 6), () => Randn(212, 6));
        Add(c, "linear_layer", x => (x[0].matmul(x[1].t()) + x[2]).tanh(), () => Randn(213, 4, 3), () => Randn(214, 2, 3), () => Randn(215, 2));
    }
}
