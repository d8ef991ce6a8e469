/// A key press (or a paste) decoded from terminal input.
public enum Key: Equatable, Sendable {
    /// Printable text typed by the user (one or more characters, never a control character).
    case text(String)
    /// Text pasted between bracketed-paste markers, line breaks included (CR and CRLF become "\n").
    case paste(String)
    /// Enter (CR or LF), Tab, Backspace (0x7F or 0x08) and Delete (ESC[3~).
    case enter, tab, backspace, delete
    /// Arrow keys, Home and End in their CSI and SS3 spellings.
    case left, right, up, down, home, end
    /// Alt-B / Ctrl-Left and Alt-F / Ctrl-Right.
    case wordLeft, wordRight
    /// Alt-Backspace.
    case deleteWordLeft
    /// A control key, by its lowercase letter: `.control("a")` is Ctrl-A.
    case control(Character)
    /// A lone Escape (nothing followed it within the reader's wait).
    case escape
}
