using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NotebookDL.Kernels;

/// <summary>
/// Register-blocked inner kernels: each computes one full MR×NR tile of C from packed panels, holding the whole
/// tile in vector registers for the entire depth so C is touched once per panel pair.
/// </summary>
internal static unsafe class GemmMicroKernels
{
    /// <summary>12×32 tile: 24 zmm accumulators; per step of k two loads of B and 12 broadcasts of A.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Kernel12x32(int depth, float* packedA, float* packedB, float* c, nint ldc, bool addToC)
    {
        PrefetchTile(c, ldc, 12);
        Vector512<float> c0a = default, c0b = default, c1a = default, c1b = default, c2a = default, c2b = default, c3a = default, c3b = default;
        Vector512<float> c4a = default, c4b = default, c5a = default, c5b = default, c6a = default, c6b = default, c7a = default, c7b = default;
        Vector512<float> c8a = default, c8b = default, c9a = default, c9b = default, c10a = default, c10b = default, c11a = default, c11b = default;
        for (int p = 0; p < depth; p++, packedA += 12, packedB += 32)
        {
            Vector512<float> b0 = Vector512.Load(packedB), b1 = Vector512.Load(packedB + 16), a;
            a = Vector512.Create(packedA[0]); c0a = Vector512.FusedMultiplyAdd(a, b0, c0a); c0b = Vector512.FusedMultiplyAdd(a, b1, c0b);
            a = Vector512.Create(packedA[1]); c1a = Vector512.FusedMultiplyAdd(a, b0, c1a); c1b = Vector512.FusedMultiplyAdd(a, b1, c1b);
            a = Vector512.Create(packedA[2]); c2a = Vector512.FusedMultiplyAdd(a, b0, c2a); c2b = Vector512.FusedMultiplyAdd(a, b1, c2b);
            a = Vector512.Create(packedA[3]); c3a = Vector512.FusedMultiplyAdd(a, b0, c3a); c3b = Vector512.FusedMultiplyAdd(a, b1, c3b);
            a = Vector512.Create(packedA[4]); c4a = Vector512.FusedMultiplyAdd(a, b0, c4a); c4b = Vector512.FusedMultiplyAdd(a, b1, c4b);
            a = Vector512.Create(packedA[5]); c5a = Vector512.FusedMultiplyAdd(a, b0, c5a); c5b = Vector512.FusedMultiplyAdd(a, b1, c5b);
            a = Vector512.Create(packedA[6]); c6a = Vector512.FusedMultiplyAdd(a, b0, c6a); c6b = Vector512.FusedMultiplyAdd(a, b1, c6b);
            a = Vector512.Create(packedA[7]); c7a = Vector512.FusedMultiplyAdd(a, b0, c7a); c7b = Vector512.FusedMultiplyAdd(a, b1, c7b);
            a = Vector512.Create(packedA[8]); c8a = Vector512.FusedMultiplyAdd(a, b0, c8a); c8b = Vector512.FusedMultiplyAdd(a, b1, c8b);
            a = Vector512.Create(packedA[9]); c9a = Vector512.FusedMultiplyAdd(a, b0, c9a); c9b = Vector512.FusedMultiplyAdd(a, b1, c9b);
            a = Vector512.Create(packedA[10]); c10a = Vector512.FusedMultiplyAdd(a, b0, c10a); c10b = Vector512.FusedMultiplyAdd(a, b1, c10b);
            a = Vector512.Create(packedA[11]); c11a = Vector512.FusedMultiplyAdd(a, b0, c11a); c11b = Vector512.FusedMultiplyAdd(a, b1, c11b);
        }
        StoreRow(c + 0 * ldc, c0a, c0b, addToC);
        StoreRow(c + 1 * ldc, c1a, c1b, addToC);
        StoreRow(c + 2 * ldc, c2a, c2b, addToC);
        StoreRow(c + 3 * ldc, c3a, c3b, addToC);
        StoreRow(c + 4 * ldc, c4a, c4b, addToC);
        StoreRow(c + 5 * ldc, c5a, c5b, addToC);
        StoreRow(c + 6 * ldc, c6a, c6b, addToC);
        StoreRow(c + 7 * ldc, c7a, c7b, addToC);
        StoreRow(c + 8 * ldc, c8a, c8b, addToC);
        StoreRow(c + 9 * ldc, c9a, c9b, addToC);
        StoreRow(c + 10 * ldc, c10a, c10b, addToC);
        StoreRow(c + 11 * ldc, c11a, c11b, addToC);
    }

    /// <summary>6×16 tile for AVX2: 12 ymm accumulators.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Kernel6x16(int depth, float* packedA, float* packedB, float* c, nint ldc, bool addToC)
    {
        Vector256<float> c0a = default, c0b = default, c1a = default, c1b = default, c2a = default, c2b = default, c3a = default, c3b = default;
        Vector256<float> c4a = default, c4b = default, c5a = default, c5b = default;
        for (int p = 0; p < depth; p++, packedA += 6, packedB += 16)
        {
            Vector256<float> b0 = Vector256.Load(packedB), b1 = Vector256.Load(packedB + 8), a;
            a = Vector256.Create(packedA[0]); c0a = MultiplyAdd(a, b0, c0a); c0b = MultiplyAdd(a, b1, c0b);
            a = Vector256.Create(packedA[1]); c1a = MultiplyAdd(a, b0, c1a); c1b = MultiplyAdd(a, b1, c1b);
            a = Vector256.Create(packedA[2]); c2a = MultiplyAdd(a, b0, c2a); c2b = MultiplyAdd(a, b1, c2b);
            a = Vector256.Create(packedA[3]); c3a = MultiplyAdd(a, b0, c3a); c3b = MultiplyAdd(a, b1, c3b);
            a = Vector256.Create(packedA[4]); c4a = MultiplyAdd(a, b0, c4a); c4b = MultiplyAdd(a, b1, c4b);
            a = Vector256.Create(packedA[5]); c5a = MultiplyAdd(a, b0, c5a); c5b = MultiplyAdd(a, b1, c5b);
        }
        StoreRow(c + 0 * ldc, c0a, c0b, addToC);
        StoreRow(c + 1 * ldc, c1a, c1b, addToC);
        StoreRow(c + 2 * ldc, c2a, c2b, addToC);
        StoreRow(c + 3 * ldc, c3a, c3b, addToC);
        StoreRow(c + 4 * ldc, c4a, c4b, addToC);
        StoreRow(c + 5 * ldc, c5a, c5b, addToC);
    }

    // C tiles are read once per panel pair, usually from beyond L2; asking early hides that latency behind the depth loop.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void PrefetchTile(float* c, nint ldc, int rows)
    {
        if (!Sse.IsSupported) return;
        for (int r = 0; r < rows; r++)
        {
            Sse.Prefetch1(c + r * ldc);
            Sse.Prefetch1(c + r * ldc + 31);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreRow(float* row, Vector512<float> low, Vector512<float> high, bool addToC)
    {
        if (addToC)
        {
            low += Vector512.Load(row);
            high += Vector512.Load(row + 16);
        }
        low.Store(row);
        high.Store(row + 16);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreRow(float* row, Vector256<float> low, Vector256<float> high, bool addToC)
    {
        if (addToC)
        {
            low += Vector256.Load(row);
            high += Vector256.Load(row + 8);
        }
        low.Store(row);
        high.Store(row + 8);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> MultiplyAdd(Vector256<float> a, Vector256<float> b, Vector256<float> addend)
        => Fma.IsSupported ? Fma.MultiplyAdd(a, b, addend) : a * b + addend;
}
