using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using CourseKit.Interactive.Execution;
using NetMQ;

namespace CourseKit.Interactive.Kernel;

/// <summary>
/// CourseKit's Jupyter kernel: the messaging protocol 5.3 over ZeroMQ (NetMQ), running C# cells on the same
/// <see cref="CellSession"/> as <c>coursekit run</c>. Shell requests are handled in order on the thread that calls
/// <see cref="Run"/>; control (interrupt, shutdown) and heartbeat have threads of their own, so an interrupt reaches a
/// cell that loops forever. A message that is unsigned, wrongly signed, malformed or of an unknown type is refused
/// with a line on the kernel's log and the kernel keeps serving.
/// </summary>
public sealed class JupyterKernel : IDisposable
{
    private readonly KernelSockets _sockets;
    private readonly KernelLog _log;
    private readonly ExecuteHandler _execute;
    private readonly KernelReplies _replies;
    private readonly CancellationTokenSource _shutdown = new();
    private int _exitCode;

    /// <summary>
    /// Binds the sockets the connection file names. The cell session in <paramref name="baseDirectory"/> (Roslyn's
    /// script options, the console capture) is opened by the first request that needs it, so kernel_info is answered
    /// while the warm-up still loads Roslyn: a frontend's wait for the kernel overlaps it instead of following it.
    /// </summary>
    public JupyterKernel(ConnectionFile connection, KernelLog log, string baseDirectory, NotebookRunOptions? options = null)
    {
        _log = log;
        Session = Guid.NewGuid().ToString("N");
        _sockets = new KernelSockets(connection, new MessageSigner(connection.Key));
        var cells = new Lazy<CellSession>(() => new CellSession(baseDirectory, "kernel", options ?? new NotebookRunOptions { CellTimeout = Timeout.InfiniteTimeSpan }));
        _execute = new ExecuteHandler(cells, this);
        _replies = new KernelReplies(cells, _execute.History);
        Console.SetIn(new StdinReader(this, _execute));
        KernelWarmUp.Start(log); // already running when the process started as a kernel (Program.Main)
    }

    /// <summary>This kernel's session id (every message's header carries it).</summary>
    public string Session { get; }

    internal KernelSockets Sockets => _sockets;

    internal KernelLog Log => _log;

    // How long the socket loops wait for a message before looking at the shutdown flag again. jupyter_client asks a
    // kernel to shut down and then checks every 0.1 s whether its process has exited (nbclient does so after every
    // notebook): at 100 ms here the loops noticed the request only after that first check and every shutdown cost a
    // second 0.1 s round; 20 ms lets the process exit before it. An idle kernel wakes 50 times a second per loop, a few
    // microseconds each.
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>Serves until a shutdown request; returns the process exit code.</summary>
    public int Run()
    {
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
        {
            context.Cancel = true; // Jupyter's interrupt_mode "signal" and Ctrl+C: stop the cell, not the kernel
            _log.Write("SIGINT: interrupting the running cell");
            _execute.Interrupt();
        });
        var heartbeat = StartThread("heartbeat", HeartbeatLoop);
        var control = StartThread("control", () => ServeLoop(_sockets.Control, "control"));
        Publish("status", new JsonObject { ["execution_state"] = "starting" }, null);
        StartupTrace.Mark("serving (status starting published)");
        ServeLoop(_sockets.Shell, "shell");
        control.Join(TimeSpan.FromSeconds(2));
        heartbeat.Join(TimeSpan.FromSeconds(2));
        return _exitCode;
    }

    /// <summary>Publishes a message on iopub.</summary>
    internal void Publish(string type, JsonObject content, JupyterMessage? parent) =>
        _sockets.Publish(JupyterMessage.Create(type, content, parent, Session, identities: []));

    /// <summary>Parses a received message, logging why when it is refused.</summary>
    internal JupyterMessage? Parse(List<byte[]> frames, string channel)
    {
        var message = JupyterMessage.Parse(frames, _sockets.Signer, out string problem);
        if (message is null) _log.Write($"refused a message on {channel}: {problem}");
        return message;
    }

    private void ServeLoop(NetMQ.Sockets.RouterSocket socket, string channel)
    {
        var frames = new List<byte[]>();
        while (!_shutdown.IsCancellationRequested)
        {
            if (channel == "shell") AnnounceToNewSubscribers();
            if (!socket.TryReceiveMultipartBytes(PollInterval, ref frames)) continue;
            if (Parse(frames, channel) is not { } request) continue;
            StartupTrace.Mark($"{channel}: {request.Type} received");
            try { Dispatch(socket, channel, request); }
            catch (Exception e) { _log.Write($"{request.Type} on {channel} failed: {e}"); }
            // The first cell that compiled ends what the start's JIT profile is for; saved after its reply and idle status.
            if (request.Type == "execute_request" && request.Content["code"] is JsonValue code && code.TryGetValue(out string? text) && !string.IsNullOrWhiteSpace(text))
                KernelJitProfile.Stop(_log, keep: true);
        }
    }

    // A client that subscribed to iopub after the kernel's "starting" status has seen nothing there yet; jupyter_client's
    // wait_for_ready takes a kernel_info_reply as ready only once something arrives on iopub, and otherwise asks again
    // after 0.2 s (at a kernel's start the statuses of its first kernel_info are usually published before the client's
    // subscription arrives). Called by the shell thread between requests, when the kernel is idle, so it says so.
    private void AnnounceToNewSubscribers()
    {
        if (!_sockets.TakeNewSubscriptions()) return;
        Publish("status", new JsonObject { ["execution_state"] = "idle" }, null);
        StartupTrace.Mark("iopub: new subscriber, status idle published");
    }

    private void Dispatch(NetMQ.Sockets.RouterSocket socket, string channel, JupyterMessage request)
    {
        Publish("status", new JsonObject { ["execution_state"] = "busy" }, request);
        try
        {
            switch (request.Type)
            {
                case "execute_request": _execute.Handle(request, content => Reply(socket, "execute_reply", content, request), () => TakeQueued(socket, channel)); break;
                case "shutdown_request": Shutdown(socket, request); break;
                case "interrupt_request": _execute.Interrupt(); Reply(socket, "interrupt_reply", new JsonObject { ["status"] = "ok" }, request); break;
                case "comm_open": Publish("comm_close", new JsonObject { ["comm_id"] = request.Content["comm_id"]?.DeepClone(), ["data"] = new JsonObject() }, request); break;
                case "comm_msg" or "comm_close": break; // no comm targets: nothing to do, as IPython with none registered
                default:
                    if (_replies.Answer(request) is { } reply) Reply(socket, request.Type.Replace("_request", "_reply"), reply, request);
                    else _log.Write($"refused a message on {channel}: unknown message type '{request.Type}'");
                    break;
            }
        }
        finally { Publish("status", new JsonObject { ["execution_state"] = "idle" }, request); }
    }

    private void Reply(NetMQ.Sockets.RouterSocket socket, string type, JsonObject content, JupyterMessage request)
    {
        socket.SendMultipartBytes(JupyterMessage.Create(type, content, request, Session).ToFrames(_sockets.Signer));
        StartupTrace.Mark($"{type} sent");
    }

    // After an error with stop_on_error, execute requests already queued are answered "aborted", as IPython does.
    // They are received now and answered by the returned action, after the failing cell's own reply.
    private Action TakeQueued(NetMQ.Sockets.RouterSocket socket, string channel)
    {
        var queued = new List<JupyterMessage>();
        var frames = new List<byte[]>();
        while (socket.TryReceiveMultipartBytes(TimeSpan.Zero, ref frames))
            if (Parse(frames, channel) is { } message) queued.Add(message);
        return () =>
        {
            foreach (var message in queued)
            {
                if (message.Type != "execute_request") { Dispatch(socket, channel, message); continue; }
                Publish("status", new JsonObject { ["execution_state"] = "busy" }, message);
                Reply(socket, "execute_reply", new JsonObject { ["status"] = "aborted", ["execution_count"] = _execute.ExecutionCount }, message);
                Publish("status", new JsonObject { ["execution_state"] = "idle" }, message);
            }
        };
    }

    private void Shutdown(NetMQ.Sockets.RouterSocket socket, JupyterMessage request)
    {
        bool restart = request.Content["restart"] is JsonValue v && v.TryGetValue(out bool r) && r;
        var content = new JsonObject { ["status"] = "ok", ["restart"] = restart };
        Reply(socket, "shutdown_reply", content, request);
        Publish("shutdown_reply", content.DeepClone().AsObject(), request);
        _log.Write(restart ? "shutting down for a restart" : "shutting down");
        _execute.Interrupt();
        _shutdown.Cancel();
    }

    private void HeartbeatLoop()
    {
        while (!_shutdown.IsCancellationRequested)
        {
            if (_sockets.Heartbeat.TryReceiveFrameBytes(PollInterval, out var ping)) _sockets.Heartbeat.SendFrame(ping);
        }
    }

    private Thread StartThread(string name, Action loop)
    {
        var thread = new Thread(() =>
        {
            try { loop(); }
            catch (Exception e) { _log.Write($"{name} thread failed: {e}"); _exitCode = 1; _shutdown.Cancel(); }
        }) { IsBackground = true, Name = $"coursekit kernel {name}" };
        thread.Start();
        return thread;
    }

    /// <summary>Closes the sockets (queued messages get a second to leave).</summary>
    public void Dispose()
    {
        _sockets.Dispose();
        NetMQConfig.Cleanup(block: false);
    }
}
