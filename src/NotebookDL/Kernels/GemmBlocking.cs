using System.Buffers;
using System.Runtime.Intrinsics;

namespace NotebookDL.Kernels;

/// <summary>
/// The cache-blocked GEMM path (Goto/BLIS loop nest) for one thread: a depth×cols panel of op(B) is packed to stay
/// in L2, a rows×depth block of op(A) is packed per row block, and the micro-kernel sweeps register tiles over them.
/// </summary>
internal static unsafe class GemmBlocking
{
    /// <summary>Rows of C per register tile; panels of A are packed this many rows wide.</summary>
    public static readonly int TileRows;
    /// <summary>Columns of C per register tile; panels of B are packed this many columns wide.</summary>
    public static readonly int TileCols;
    /// <summary>False when the hardware has no 256/512-bit vectors; callers then use <see cref="GemmDirect"/>.</summary>
    public static readonly bool IsVectorized;

    // Depth of a packed block: one B tile panel (DepthBlock×TileCols) should sit in L1 while A panels stream past it.
    private const int DepthBlock = 256;
    // Rows in a packed A block; the whole packed B panel is swept once per A block.
    private static readonly int RowBlock;
    // Columns in a packed B panel; sized so the panel stays in L2 next to the A block.
    private static readonly int ColBlock;

    private static readonly delegate*<int, float*, float*, float*, nint, bool, void> TileKernel;

    static GemmBlocking()
    {
        if (Vector512.IsHardwareAccelerated)
        {
            (TileRows, TileCols) = (12, 32);
            TileKernel = &GemmMicroKernels.Kernel12x32;
            IsVectorized = true;
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            (TileRows, TileCols) = (6, 16);
            TileKernel = &GemmMicroKernels.Kernel6x16;
            IsVectorized = true;
        }
        else
        {
            (TileRows, TileCols) = (1, 1);
        }
        // Measured on AVX-512: a few tiles of rows per A block (so it stays close to L1) beat larger blocks.
        RowBlock = TileRows * 4;
        ColBlock = TileCols * 32;
    }

    /// <summary>C[m×n] (leading dim ldc) = op(A)·op(B) (+ C); op(A)(i, p) = a[i·aRow + p·aDepth], op(B)(p, j) = b[p·bDepth + j·bCol].</summary>
    public static void Multiply(float* a, nint aRow, nint aDepth, float* b, nint bDepth, nint bCol, float* c, nint ldc,
        int m, int n, int k, bool accumulate)
    {
        // Equal-sized blocks: k = 300 as 150 + 150 beats 256 + 44, whose short block pays full packing overhead.
        int depthBlocks = CeilDiv(k, DepthBlock);
        int depthBlock = CeilDiv(k, depthBlocks);
        int rowBlocks = CeilDiv(m, RowBlock);
        int rowBlock = RoundUp(CeilDiv(m, rowBlocks), TileRows);
        int colBlocks = CeilDiv(n, ColBlock);
        int colBlock = RoundUp(CeilDiv(n, colBlocks), TileCols);

        // +16 floats leaves room to align each buffer to a 64-byte cache line.
        int packedASize = rowBlock * depthBlock + 16;
        int packedBSize = colBlock * depthBlock + 16;
        float[] packedAArray = ArrayPool<float>.Shared.Rent(packedASize);
        float[] packedBArray = ArrayPool<float>.Shared.Rent(packedBSize);
        try
        {
            fixed (float* packedARaw = packedAArray, packedBRaw = packedBArray)
            {
                float* packedA = AlignTo64(packedARaw), packedB = AlignTo64(packedBRaw);
                for (int j0 = 0; j0 < n; j0 += colBlock)
                {
                    int cols = Math.Min(colBlock, n - j0);
                    for (int p0 = 0; p0 < k; p0 += depthBlock)
                    {
                        int depth = Math.Min(depthBlock, k - p0);
                        bool addToC = accumulate || p0 > 0;
                        GemmPacking.PackB(b + p0 * bDepth + j0 * bCol, bDepth, bCol, depth, cols, TileCols, packedB);
                        for (int i0 = 0; i0 < m; i0 += rowBlock)
                        {
                            int rows = Math.Min(rowBlock, m - i0);
                            GemmPacking.PackA(a + i0 * aRow + p0 * aDepth, aRow, aDepth, rows, depth, TileRows, packedA);
                            SweepTiles(packedA, packedB, c + i0 * ldc + j0, ldc, rows, cols, depth, addToC);
                        }
                    }
                }
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(packedAArray);
            ArrayPool<float>.Shared.Return(packedBArray);
        }
    }

    private static void SweepTiles(float* packedA, float* packedB, float* c, nint ldc, int rows, int cols, int depth, bool addToC)
    {
        int tileRows = TileRows, tileCols = TileCols;
        var kernel = TileKernel;
        float* edgeTile = stackalloc float[tileRows * tileCols];
        for (int j = 0; j < cols; j += tileCols)
        {
            int liveCols = Math.Min(tileCols, cols - j);
            float* panelB = packedB + (nint)j * depth;
            for (int i = 0; i < rows; i += tileRows)
            {
                int liveRows = Math.Min(tileRows, rows - i);
                float* panelA = packedA + (nint)i * depth;
                float* cTile = c + i * ldc + j;
                if (liveRows == tileRows && liveCols == tileCols)
                {
                    kernel(depth, panelA, panelB, cTile, ldc, addToC);
                    continue;
                }
                // Padded panels let the kernel compute a full tile; only the live part is written back.
                kernel(depth, panelA, panelB, edgeTile, tileCols, false);
                for (int r = 0; r < liveRows; r++)
                {
                    float* src = edgeTile + r * tileCols;
                    float* dst = cTile + r * ldc;
                    if (addToC)
                        for (int q = 0; q < liveCols; q++) dst[q] += src[q];
                    else
                        for (int q = 0; q < liveCols; q++) dst[q] = src[q];
                }
            }
        }
    }

    private static float* AlignTo64(float* pointer) => (float*)(((nint)pointer + 63) & ~(nint)63);

    private static int CeilDiv(int value, int divisor) => (value + divisor - 1) / divisor;

    private static int RoundUp(int value, int multiple) => CeilDiv(value, multiple) * multiple;
}
