using NetMQ;
using NetMQ.Sockets;

namespace CourseKit.Interactive.Kernel;

/// <summary>
/// The kernel's five ZeroMQ sockets, bound as the connection file says. Each socket is used under its own lock, since
/// NetMQ sockets are not thread-safe and iopub and stdin are written from the cell's thread as well as the shell's.
/// </summary>
internal sealed class KernelSockets : IDisposable
{
    private readonly object _iopubGate = new(), _stdinGate = new();

    public KernelSockets(ConnectionFile connection, MessageSigner signer)
    {
        Signer = signer;
        Shell = Bind(new RouterSocket(), connection, connection.ShellPort);
        Control = Bind(new RouterSocket(), connection, connection.ControlPort);
        Stdin = Bind(new RouterSocket(), connection, connection.StdinPort);
        Iopub = Bind(new XPublisherSocket(), connection, connection.IopubPort);
        Heartbeat = Bind(new ResponseSocket(), connection, connection.HeartbeatPort);
    }

    public MessageSigner Signer { get; }
    public RouterSocket Shell { get; }
    public RouterSocket Control { get; }
    public RouterSocket Stdin { get; }
    public XPublisherSocket Iopub { get; }
    public ResponseSocket Heartbeat { get; }

    /// <summary>Publishes on iopub; the topic frame is the message type, as IPython sends it.</summary>
    public void Publish(JupyterMessage message)
    {
        var frames = message.ToFrames(Signer);
        frames.Insert(0, System.Text.Encoding.UTF8.GetBytes($"kernel.{message.Type}"));
        lock (_iopubGate) Iopub.SendMultipartBytes(frames);
    }

    /// <summary>
    /// Whether a client subscribed to iopub since the last call. A subscription that has reached the kernel is in
    /// place, so what is published next reaches that client; what was published before it did not (ZeroMQ drops
    /// messages for subscribers still connecting).
    /// </summary>
    public bool TakeNewSubscriptions()
    {
        bool subscribed = false;
        lock (_iopubGate)
            while (Iopub.TryReceiveFrameBytes(TimeSpan.Zero, out byte[]? frame))
                subscribed |= frame.Length > 0 && frame[0] == 1; // 1: subscribe, 0: unsubscribe
        return subscribed;
    }

    /// <summary>Sends an input_request on stdin and waits for the input_reply from the same client (null when none comes in time).</summary>
    public JupyterMessage? AskStdin(JupyterMessage request, TimeSpan wait, Func<List<byte[]>, JupyterMessage?> parse)
    {
        lock (_stdinGate)
        {
            Stdin.SendMultipartBytes(request.ToFrames(Signer));
            var deadline = DateTime.UtcNow + wait;
            var frames = new List<byte[]>();
            while (DateTime.UtcNow < deadline)
            {
                if (!Stdin.TryReceiveMultipartBytes(TimeSpan.FromMilliseconds(200), ref frames)) continue;
                if (parse(frames) is { Type: "input_reply" } reply) return reply;
            }
            return null;
        }
    }

    private static T Bind<T>(T socket, ConnectionFile connection, int port) where T : NetMQSocket
    {
        socket.Options.Linger = TimeSpan.FromSeconds(1); // replies already queued still go out when the kernel exits
        socket.Bind(connection.Address(port));
        StartupTrace.Mark($"bound {typeof(T).Name} on port {port}");
        return socket;
    }

    public void Dispose()
    {
        foreach (var socket in new NetMQSocket[] { Shell, Control, Stdin, Iopub, Heartbeat }) socket.Dispose();
    }
}
