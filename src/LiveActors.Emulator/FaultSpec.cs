using System.Globalization;
using LiveActors.Emulator.Faults;

namespace LiveActors.Emulator;

/// <summary>
/// Faults written on the command line: <c>[N:]NAME[=ARGS]</c>, for connection N or, without it, every connection.
/// </summary>
internal static class FaultSpec
{
    public const string Help = """
          reject=STATUS              refuse the upgrade with HTTP STATUS
          hang                       never answer the upgrade
          ignore-setup               never send setupComplete
          drop=N                     drop TCP (no close frame) after N client messages
          close=N:CODE[:REASON]      close with CODE after N client messages
          go-away=N:SECONDS          goAway after N client messages, close 1011 when the time is up;
                                     N=setup sends it right after setupComplete, before any handle;
                                     SECONDS may have a fraction (e.g. 0.5)
          malformed=N                send a frame that is not JSON after N client messages
          unknown=N                  send a message of an unknown kind after N client messages
          fragment=BYTES             split every server message into frames of BYTES
          huge=N[:BYTES]             send one huge message (8 MiB) after N client messages
          silence                    after setupComplete send and read nothing (no pongs)
          delay=MS                   wait MS before every message of a reply
          flood=CHUNKS               answer the first turn with CHUNKS text chunks
          audio-flood=CHUNKS         answer the first turn with CHUNKS audio chunks of 9,600 bytes
          stop-reading=N             stop reading after N client messages
          hold-updates=N             send each resumption handle only after N more client messages
          delay-updates=MS           wait MS before each resumption handle after a turn
        Prefix with 'N:' to apply to connection N only, e.g. --fault 1:reject=503.
        """;

    public static (int? Connection, EmulatorFault Fault) Parse(string spec)
    {
        int? connection = null;
        var colon = spec.IndexOf(':', StringComparison.Ordinal);
        var equals = spec.IndexOf('=', StringComparison.Ordinal);
        if (colon > 0 && (equals < 0 || colon < equals) && int.TryParse(spec[..colon], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            connection = n;
            spec = spec[(colon + 1)..];
        }

        try
        {
            return (connection, Fault(spec));
        }
        catch (IndexOutOfRangeException)
        {
            throw new FormatException($"Fault '{spec}' is missing an argument; see --help.");
        }
    }

    private static EmulatorFault Fault(string spec)
    {
        var parts = spec.Split('=', 2);
        var args = parts.Length > 1 ? parts[1].Split(':', 3) : [];
        int Arg(int i) => int.Parse(args[i], NumberStyles.Integer, CultureInfo.InvariantCulture);
        FaultTrigger After(int i) => FaultTrigger.AfterClientMessages(Arg(i));
        EmulatorFault fault = parts[0] switch
        {
            "reject" => EmulatorFault.RejectUpgrade(Arg(0)),
            "hang" => EmulatorFault.HangUpgrade,
            "ignore-setup" => EmulatorFault.IgnoreSetup,
            "drop" => EmulatorFault.Drop(After(0)),
            "close" => EmulatorFault.Close(After(0), Arg(1), args.Length > 2 ? args[2] : ""),
            "go-away" => EmulatorFault.GoAway(args[0] == "setup" ? FaultTrigger.AtSetupComplete : After(0),
                TimeSpan.FromSeconds(double.Parse(args[1], NumberStyles.Float, CultureInfo.InvariantCulture))),
            "malformed" => EmulatorFault.MalformedFrame(After(0)),
            "unknown" => EmulatorFault.UnknownKind(After(0)),
            "fragment" => EmulatorFault.Fragment(Arg(0)),
            "huge" => EmulatorFault.Huge(After(0), args.Length > 1 ? Arg(1) : 8 * 1024 * 1024),
            "silence" => EmulatorFault.Silence,
            "delay" => EmulatorFault.Delay(TimeSpan.FromMilliseconds(Arg(0))),
            "flood" => EmulatorFault.Flood(Arg(0)),
            "audio-flood" => EmulatorFault.AudioFlood(Arg(0)),
            "stop-reading" => EmulatorFault.StopReading(After(0)),
            "hold-updates" => EmulatorFault.HoldResumptionUpdates(Arg(0)),
            "delay-updates" => EmulatorFault.DelayResumptionUpdates(TimeSpan.FromMilliseconds(Arg(0))),
            _ => throw new FormatException($"Unknown fault '{parts[0]}'; see --help."),
        };
        return fault;
    }

    public static Func<int, IReadOnlyList<EmulatorFault>>? Rule(IReadOnlyList<(int? Connection, EmulatorFault Fault)> faults) =>
        faults.Count == 0
            ? null
            : number => [.. faults.Where(f => f.Connection is null || f.Connection == number).Select(f => f.Fault)];
}
