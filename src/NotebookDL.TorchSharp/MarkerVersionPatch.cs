using NotebookDL.TorchSharp.Elf;

namespace NotebookDL.TorchSharp;

/// <summary>
/// What it takes to make a shared object load against an older dependency: the version requirements that dependency
/// lacks, each redirected to one it has, and the symbols that used them, made unversioned.
/// </summary>
/// <param name="Dependency">The dependency whose versions are missing, e.g. <c>libstdc++.so.6</c>.</param>
/// <param name="MissingVersions">The names of the required versions the dependency lacks.</param>
/// <param name="Redirects">Each missing requirement and the present requirement (same dependency) it is renamed to.</param>
/// <param name="Symbols">The symbols that referred to a missing version; all are unused markers.</param>
/// <param name="Blockers">Why the object cannot be patched safely; empty when it can.</param>
public sealed record MarkerVersionPatch(
    string Dependency,
    IReadOnlyList<string> MissingVersions,
    IReadOnlyList<(ElfVersionRequirement Missing, ElfVersionRequirement Replacement)> Redirects,
    IReadOnlyList<ElfDynamicSymbol> Symbols,
    IReadOnlyList<string> Blockers)
{
    /// <summary>True when the dependency has every version the object requires, so there is nothing to patch.</summary>
    public bool IsEmpty => MissingVersions.Count == 0;
}
