import DocketCore
import DocketCrypto
import Foundation

/// HTML escaping for the documents Docket renders.
public enum HTML {
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// The words of an HTML fragment, without its tags and entities (for the search index).
    static func text(of html: String) -> String {
        html.replacing(/<(script|style)[^>]*>.*?<\/\1>/.dotMatchesNewlines().ignoresCase(), with: " ")
            .replacing(/<[^>]*>/, with: " ")
            .replacingOccurrences(of: "&nbsp;", with: " ").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }

    /// A complete, self-contained page readable on a tablet.
    static func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="vi"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <style>body{font-family:serif;max-width:46em;margin:1em auto;padding:0 1em;line-height:1.5}
        table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:.3em;text-align:left}
        .symbol{font-weight:bold}.muted{color:#555}</style></head>
        <body>
        \(body)
        </body></html>

        """
    }
}
