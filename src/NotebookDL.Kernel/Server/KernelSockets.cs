using NotebookDL.Kernel.Protocol;
using NotebookDL.Kernel.Transport;

namespace NotebookDL.Kernel.Server;

/// <summary>The five Jupyter channels, bound synchronously so every port listens before anything slow starts.</summary>
public sealed class KernelSockets : IAsyncDisposable
{
    private KernelSockets(ConnectionInfo bound, TransportLimits? iopubLimits)
    {
        Bound = bound;
        IoPub = new PubSocket(iopubLimits);
    }

    public RouterSocket Shell { get; } = new();

    public RouterSocket Control { get; } = new();

    public RouterSocket Stdin { get; } = new();

    public PubSocket IoPub { get; }

    public RepSocket Heartbeat { get; } = RepSocket.Echo();

    /// <summary>The connection info with the ports actually bound (a 0 port in the file means "pick one").</summary>
    public ConnectionInfo Bound { get; private set; }

    /// <param name="iopubLimits">iopub's limits; <see cref="TransportLimits.Publisher"/> unless a test needs a small queue.</param>
    public static KernelSockets Bind(ConnectionInfo info, TransportLimits? iopubLimits = null)
    {
        var sockets = new KernelSockets(info, iopubLimits);
        try
        {
            sockets.Bound = info with
            {
                ShellPort = sockets.Shell.Bind(info.Ip, info.ShellPort),
                ControlPort = sockets.Control.Bind(info.Ip, info.ControlPort),
                StdinPort = sockets.Stdin.Bind(info.Ip, info.StdinPort),
                IopubPort = sockets.IoPub.Bind(info.Ip, info.IopubPort),
                HbPort = sockets.Heartbeat.Bind(info.Ip, info.HbPort),
            };
            return sockets;
        }
        catch
        {
            sockets.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        // iopub last, so the final idle/status messages still go out while the request sockets close.
        await Shell.DisposeAsync().ConfigureAwait(false);
        await Control.DisposeAsync().ConfigureAwait(false);
        await Stdin.DisposeAsync().ConfigureAwait(false);
        await Heartbeat.DisposeAsync().ConfigureAwait(false);
        await IoPub.DisposeAsync().ConfigureAwait(false);
    }
}
