// The managed engine and its display, referenced under the extern alias "managed" (their public types have the same
// names as TorchSharp's flavour), for tests that build the same model or values in both engines and compare.
extern alias managed;

global using M = managed::NotebookDL.torch;
global using MD = managed::NotebookDL.Display;
global using ManagedLinear = managed::NotebookDL.Modules.Linear;
global using ManagedSynthetic = managed::NotebookDL.synthetic;
