using System.Text;

namespace NotebookDL;

public static partial class torch
{
    public static partial class nn
    {
        public partial class Module
        {
            /// <summary>
            /// Parameters and persistent buffers under dotted names ("0.weight", "features.0.bias", "bn.running_mean").
            /// The values are the module's own tensors, not copies, exactly as in TorchSharp: clone them to keep a snapshot.
            /// </summary>
            public virtual Dictionary<string, Tensor> state_dict(Dictionary<string, Tensor>? destination = null, string? prefix = null)
            {
                destination ??= new Dictionary<string, Tensor>();
                string Key(string n) => string.IsNullOrEmpty(prefix) ? n : $"{prefix}.{n}";
                foreach (var (n, p) in named_parameters(recurse: false)) destination.TryAdd(Key(n), p);
                foreach (var (n, b) in named_buffers(recurse: false, include_nonpersistent: false)) destination.TryAdd(Key(n), b);
                foreach (var (n, child) in named_children()) child.state_dict(destination, Key(n));
                return destination;
            }

            /// <summary>
            /// Copies <paramref name="source"/>'s values into this module's existing parameters and buffers, so an
            /// optimizer that already holds the parameters keeps training the loaded values. Shape mismatches are
            /// always an error; missing and unexpected keys only when <paramref name="strict"/>.
            /// </summary>
            /// <returns>The keys this module has but the source lacks, and the source keys this module does not have.
            /// The second name keeps TorchSharp's spelling so code that names it ports unchanged.</returns>
            public virtual (IList<string> missing_keys, IList<string> unexpected_keyes) load_state_dict(
                Dictionary<string, Tensor> source, bool strict = true, IList<string>? skip = null)
            {
                ArgumentNullException.ThrowIfNull(source);
                skip ??= Array.Empty<string>();
                var own = state_dict();
                var missing = own.Keys.Where(k => !skip.Contains(k) && !source.ContainsKey(k)).ToList();
                var unexpected = source.Keys.Where(k => !skip.Contains(k) && !own.ContainsKey(k)).ToList();
                var mismatched = own.Keys
                    .Where(k => !skip.Contains(k) && source.TryGetValue(k, out var s) && !Shapes.SameShape(s.Shape, own[k].Shape))
                    .Select(k => $"size mismatch for {k}: copying a param with shape {Shapes.Format(source[k].Shape)} from checkpoint, " +
                                 $"the shape in current model is {Shapes.Format(own[k].Shape)}.")
                    .ToList();
                if (mismatched.Count > 0 || (strict && (missing.Count > 0 || unexpected.Count > 0)))
                    throw new InvalidOperationException(LoadErrorMessage(strict ? missing : [], strict ? unexpected : [], mismatched));

                using (no_grad())
                {
                    foreach (var (key, target) in own)
                        if (!skip.Contains(key) && source.TryGetValue(key, out var value)) target.copy_(value);
                }
                return (missing, unexpected);
            }

            private string LoadErrorMessage(List<string> missing, List<string> unexpected, List<string> mismatched)
            {
                static string Quoted(IEnumerable<string> keys) => string.Join(", ", keys.Select(k => $"\"{k}\""));
                var message = new StringBuilder($"Error(s) in loading state_dict for {GetName()}:");
                if (missing.Count > 0) message.Append($"\n\tMissing key(s) in state_dict: {Quoted(missing)}.");
                if (unexpected.Count > 0) message.Append($"\n\tUnexpected key(s) in state_dict: {Quoted(unexpected)}.");
                foreach (var line in mismatched) message.Append("\n\t").Append(line);
                if (missing.Count > 0 || unexpected.Count > 0)
                    message.Append("\n(Pass strict: false to load only the keys both sides have; shapes must still match.)");
                return message.ToString();
            }
        }
    }
}
