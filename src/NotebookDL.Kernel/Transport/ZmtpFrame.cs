namespace NotebookDL.Kernel.Transport;

/// <summary>One ZMTP frame: a message part (MORE says whether parts follow) or a command.</summary>
public readonly record struct ZmtpFrame(byte[] Body, bool More, bool IsCommand)
{
    public const byte MoreFlag = 0x01;
    public const byte LongFlag = 0x02;
    public const byte CommandFlag = 0x04;
}
