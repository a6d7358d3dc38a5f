using System.Text.Json.Nodes;

namespace CourseKit.Interactive.Kernel;

/// <summary>
/// <see cref="Console.In"/> inside the kernel: <c>Console.ReadLine()</c> in a cell sends an <c>input_request</c> on the
/// stdin channel to the client that asked for the execution and returns the line it answers. A frontend that said it
/// cannot take input (<c>allow_stdin</c> false, as nbclient) gets an exception saying so instead of a hang.
/// </summary>
internal sealed class StdinReader(JupyterKernel kernel, ExecuteHandler execute) : TextReader
{
    private string? _line; // what is left of the last answer, for Read()
    private int _position;

    public override string? ReadLine()
    {
        if (_line is not null && _position <= _line.Length)
        {
            string rest = _line[_position..];
            _line = null;
            return rest;
        }
        return Ask();
    }

    public override int Peek()
    {
        if (_line is null || _position > _line.Length)
        {
            _line = Ask();
            _position = 0;
            if (_line is null) return -1;
        }
        return _position == _line.Length ? '\n' : _line[_position];
    }

    public override int Read()
    {
        int next = Peek();
        if (next != -1) _position++;
        return next;
    }

    private string? Ask()
    {
        var request = execute.Current
            ?? throw new InvalidOperationException("Console.In: no cell is running to ask for input.");
        if (request.Content["allow_stdin"] is not JsonValue v || !v.TryGetValue(out bool allowed) || !allowed)
            throw new InvalidOperationException("Console.ReadLine(): this frontend does not accept input requests (allow_stdin is false).");
        var ask = JupyterMessage.Create("input_request", new JsonObject { ["prompt"] = "", ["password"] = false }, request, kernel.Session);
        var reply = kernel.Sockets.AskStdin(ask, TimeSpan.FromHours(12), frames => kernel.Parse(frames, "stdin"));
        return reply?.Content["value"] is JsonValue value && value.TryGetValue(out string? text) ? text : null;
    }
}
