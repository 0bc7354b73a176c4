using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NotebookDL.Kernels;

/// <summary>
/// Copies blocks of op(A) and op(B) into the contiguous, zero-padded panel layout the micro-kernels stream through:
/// panel q holds, for each step p of the depth, `width` lanes side by side (rows of A, or columns of B).
/// Sources are described by element strides, so transposed and sliced operands share one code path.
/// </summary>
internal static unsafe class GemmPacking
{
    /// <summary>Packs rows×depth of op(A), where op(A)(i, p) = a[i·rowStride + p·depthStride], into panels `tileRows` rows wide.</summary>
    public static void PackA(float* a, nint rowStride, nint depthStride, int rows, int depth, int tileRows, float* packed)
        => Pack(a, rowStride, depthStride, rows, depth, tileRows, packed);

    /// <summary>Packs depth×cols of op(B), where op(B)(p, j) = b[p·depthStride + j·colStride], into panels `tileCols` columns wide.</summary>
    public static void PackB(float* b, nint depthStride, nint colStride, int depth, int cols, int tileCols, float* packed)
        => Pack(b, colStride, depthStride, cols, depth, tileCols, packed);

    private static void Pack(float* src, nint laneStride, nint depthStride, int lanes, int depth, int width, float* packed)
    {
        if (laneStride == 1)
            PackContiguousLanes(src, depthStride, lanes, depth, width, packed);
        else if (depthStride == 1 && Sse.IsSupported)
            PackContiguousDepth(src, laneStride, lanes, depth, width, packed);
        else
            PackStrided(src, laneStride, depthStride, lanes, depth, width, packed);
    }

    // Lanes are adjacent for each p. Walking p outermost reads every source row front to back once; walking panel
    // by panel instead would revisit each row `panels` times at a large power-of-two stride and thrash L1 sets.
    private static void PackContiguousLanes(float* src, nint depthStride, int lanes, int depth, int width, float* packed)
    {
        int fullPanels = lanes / width;
        int tail = lanes - fullPanels * width;
        nint panelSize = (nint)width * depth;
        // Rows are short runs far apart, which the hardware prefetcher does not pick up on its own.
        const int PrefetchRowsAhead = 8;
        for (int p = 0; p < depth; p++, src += depthStride)
        {
            if (Sse.IsSupported && p + PrefetchRowsAhead < depth)
            {
                byte* ahead = (byte*)(src + PrefetchRowsAhead * depthStride);
                for (int offset = 0; offset < lanes * sizeof(float); offset += 64) Sse.Prefetch0(ahead + offset);
            }
            float* dst = packed + (nint)p * width;
            float* s = src;
            for (int q = 0; q < fullPanels; q++, s += width, dst += panelSize)
                CopyLanes(s, dst, width);
            if (tail > 0)
            {
                int r = 0;
                for (; r < tail; r++) dst[r] = s[r];
                for (; r < width; r++) dst[r] = 0f;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CopyLanes(float* s, float* d, int width)
    {
        if (width == 32 && Vector512.IsHardwareAccelerated)
        {
            Vector512.Load(s).Store(d);
            Vector512.Load(s + 16).Store(d + 16);
        }
        else if (width == 16 && Vector256.IsHardwareAccelerated)
        {
            Vector256.Load(s).Store(d);
            Vector256.Load(s + 8).Store(d + 8);
        }
        else if (width == 12 && Vector256.IsHardwareAccelerated)
        {
            Vector256.Load(s).Store(d);
            Vector128.Load(s + 8).Store(d + 8);
        }
        else
        {
            for (int r = 0; r < width; r++) d[r] = s[r];
        }
    }

    // Each lane is contiguous along p: a transpose. Four lanes × sixteen p at a time consume whole cache lines of
    // four source rows before moving on, so only four lines need to stay in L1 even at a 4 KiB row stride.
    private static void PackContiguousDepth(float* src, nint laneStride, int lanes, int depth, int width, float* packed)
    {
        for (int lane0 = 0; lane0 < lanes; lane0 += width, packed += (nint)width * depth)
        {
            int live = Math.Min(width, lanes - lane0);
            float* panelSrc = src + lane0 * laneStride;
            int liveBy4 = live & ~3;
            int p = 0;
            for (; p + 16 <= depth; p += 16)
            {
                for (int r = 0; r < liveBy4; r += 4)
                {
                    float* s = panelSrc + r * laneStride + p;
                    float* d = packed + (nint)p * width + r;
                    for (int pp = 0; pp < 16; pp += 4, s += 4, d += 4 * width)
                        Transpose4x4(s, laneStride, d, width);
                }
            }
            for (; p + 4 <= depth; p += 4)
            {
                for (int r = 0; r < liveBy4; r += 4)
                    Transpose4x4(panelSrc + r * laneStride + p, laneStride, packed + (nint)p * width + r, width);
            }
            // Ragged edges: leftover p for the aligned lanes, then the leftover lanes and padding for every p.
            for (int pr = p; pr < depth; pr++)
                for (int r = 0; r < liveBy4; r++) packed[(nint)pr * width + r] = panelSrc[r * laneStride + pr];
            for (int pr = 0; pr < depth; pr++)
            {
                float* d = packed + (nint)pr * width;
                int r = liveBy4;
                for (; r < live; r++) d[r] = panelSrc[r * laneStride + pr];
                for (; r < width; r++) d[r] = 0f;
            }
        }
    }

    private static void PackStrided(float* src, nint laneStride, nint depthStride, int lanes, int depth, int width, float* packed)
    {
        for (int lane0 = 0; lane0 < lanes; lane0 += width, packed += (nint)width * depth)
        {
            int live = Math.Min(width, lanes - lane0);
            for (int p = 0; p < depth; p++)
            {
                float* column = src + lane0 * laneStride + p * depthStride;
                float* d = packed + (nint)p * width;
                int r = 0;
                for (; r < live; r++) d[r] = column[r * laneStride];
                for (; r < width; r++) d[r] = 0f;
            }
        }
    }

    // Reads four rows of four floats and writes them as four columns: the classic unpack/move-halves shuffle transpose.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose4x4(float* s, nint sourceStride, float* d, nint destStride)
    {
        Vector128<float> r0 = Sse.LoadVector128(s);
        Vector128<float> r1 = Sse.LoadVector128(s + sourceStride);
        Vector128<float> r2 = Sse.LoadVector128(s + 2 * sourceStride);
        Vector128<float> r3 = Sse.LoadVector128(s + 3 * sourceStride);
        Vector128<float> ab01 = Sse.UnpackLow(r0, r1);
        Vector128<float> ab23 = Sse.UnpackHigh(r0, r1);
        Vector128<float> cd01 = Sse.UnpackLow(r2, r3);
        Vector128<float> cd23 = Sse.UnpackHigh(r2, r3);
        Sse.Store(d, Sse.MoveLowToHigh(ab01, cd01));
        Sse.Store(d + destStride, Sse.MoveHighToLow(cd01, ab01));
        Sse.Store(d + 2 * destStride, Sse.MoveLowToHigh(ab23, cd23));
        Sse.Store(d + 3 * destStride, Sse.MoveHighToLow(cd23, ab23));
    }
}
