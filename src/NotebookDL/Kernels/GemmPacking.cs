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

    // Each lane is contiguous along p: a transpose, done as 4-step-deep blocks of 8 or 4 lanes. Sixteen p per pass
    // consume whole 64-byte lines of those lanes before moving on, so only eight lines must stay in L1 at once; that
    // matters when lanes sit a power-of-two stride apart and all land in the same cache set. (Measured: 16-lane
    // blocks, or walking one block of lanes along the whole depth, are both slower.)
    private static void PackContiguousDepth(float* src, nint laneStride, int lanes, int depth, int width, float* packed)
    {
        int depthBy4 = depth & ~3;
        for (int lane0 = 0; lane0 < lanes; lane0 += width, packed += (nint)width * depth)
        {
            int live = Math.Min(width, lanes - lane0);
            float* panelSrc = src + lane0 * laneStride;
            int vectorLanes = live & ~3;
            for (int p0 = 0; p0 < depthBy4; p0 += 16)
            {
                int pEnd = Math.Min(p0 + 16, depthBy4);
                int r = 0;
                if (Avx.IsSupported)
                {
                    for (; r + 8 <= vectorLanes; r += 8)
                        for (int p = p0; p < pEnd; p += 4)
                            Transpose8x4(panelSrc + r * laneStride + p, laneStride, packed + (nint)p * width + r, width);
                }
                for (; r < vectorLanes; r += 4)
                    for (int p = p0; p < pEnd; p += 4)
                        Transpose4x4(panelSrc + r * laneStride + p, laneStride, packed + (nint)p * width + r, width);
            }
            // Ragged edges: leftover p for the vector lanes, then the leftover lanes and padding for every p.
            for (int p = depthBy4; p < depth; p++)
                for (int r = 0; r < vectorLanes; r++) packed[(nint)p * width + r] = panelSrc[r * laneStride + p];
            if (vectorLanes == width) continue;
            for (int p = 0; p < depth; p++)
            {
                float* d = packed + (nint)p * width;
                int r = vectorLanes;
                for (; r < live; r++) d[r] = panelSrc[r * laneStride + p];
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

    // The transposes below read four consecutive p from each of 4 or 8 lanes and write four rows of the packed
    // layout. The 8-lane one puts lanes i and i+4 into the two 128-bit halves of one register, so the in-lane
    // 4×4 shuffle transpose alone lines both halves up: no cross-lane permutes are needed.

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose4x4(float* s, nint laneStride, float* d, nint destStride)
    {
        Vector128<float> u0 = Sse.LoadVector128(s);
        Vector128<float> u1 = Sse.LoadVector128(s + laneStride);
        Vector128<float> u2 = Sse.LoadVector128(s + 2 * laneStride);
        Vector128<float> u3 = Sse.LoadVector128(s + 3 * laneStride);
        Vector128<float> ab01 = Sse.UnpackLow(u0, u1), ab23 = Sse.UnpackHigh(u0, u1);
        Vector128<float> cd01 = Sse.UnpackLow(u2, u3), cd23 = Sse.UnpackHigh(u2, u3);
        Sse.Store(d, Sse.Shuffle(ab01, cd01, 0x44));
        Sse.Store(d + destStride, Sse.Shuffle(ab01, cd01, 0xEE));
        Sse.Store(d + 2 * destStride, Sse.Shuffle(ab23, cd23, 0x44));
        Sse.Store(d + 3 * destStride, Sse.Shuffle(ab23, cd23, 0xEE));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose8x4(float* s, nint laneStride, float* d, nint destStride)
    {
        Vector256<float> u0 = Vector256.Create(Vector128.Load(s), Vector128.Load(s + 4 * laneStride));
        Vector256<float> u1 = Vector256.Create(Vector128.Load(s + laneStride), Vector128.Load(s + 5 * laneStride));
        Vector256<float> u2 = Vector256.Create(Vector128.Load(s + 2 * laneStride), Vector128.Load(s + 6 * laneStride));
        Vector256<float> u3 = Vector256.Create(Vector128.Load(s + 3 * laneStride), Vector128.Load(s + 7 * laneStride));
        Vector256<float> ab01 = Avx.UnpackLow(u0, u1), ab23 = Avx.UnpackHigh(u0, u1);
        Vector256<float> cd01 = Avx.UnpackLow(u2, u3), cd23 = Avx.UnpackHigh(u2, u3);
        Avx.Store(d, Avx.Shuffle(ab01, cd01, 0x44));
        Avx.Store(d + destStride, Avx.Shuffle(ab01, cd01, 0xEE));
        Avx.Store(d + 2 * destStride, Avx.Shuffle(ab23, cd23, 0x44));
        Avx.Store(d + 3 * destStride, Avx.Shuffle(ab23, cd23, 0xEE));
    }
}
