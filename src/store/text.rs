//! How a text file of the team folder is laid out on disk — its line endings and whether it
//! starts with a byte order mark — kept apart from its content.
//!
//! Notepad and Windows editors write CRLF line endings and often a UTF-8 BOM; git with
//! `core.autocrlf` checks files out with CRLF. Every editor in `rt` (toml_edit) works on the
//! plain form: every read goes through [`load::read_capped_from`](super::load::read_capped_from),
//! which hands out the text without BOM and with LF, and every write goes through the
//! [`Transaction`](super::transaction::Transaction), which puts the file's own layout back —
//! so a rewrite of a CRLF + BOM file changes exactly the bytes of the changed value, and
//! git shows a one-line diff. A new file takes the layout of the files already beside it.

/// The byte order mark of UTF-8.
const BOM: char = '\u{feff}';

/// A text file's layout on disk.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Layout {
    /// The file starts with a UTF-8 byte order mark.
    pub bom: bool,
    /// Every line ends in CRLF (a file that mixes CRLF and LF is kept as it is, byte for
    /// byte, and counts as LF here).
    pub crlf: bool,
}

impl Layout {
    /// The layout of a file's text as it is on disk.
    pub fn of(raw: &str) -> Layout {
        let body = raw.strip_prefix(BOM).unwrap_or(raw);
        let newlines = body.matches('\n').count();
        let crlfs = body.matches("\r\n").count();
        Layout { bom: body.len() != raw.len(), crlf: newlines > 0 && crlfs == newlines }
    }

    /// The layout of a file from its first bytes (enough to hold its first line end), for
    /// a new file that follows its neighbours without reading them whole.
    pub fn of_start(start: &[u8]) -> Option<Layout> {
        let bom = start.starts_with("\u{feff}".as_bytes());
        let newline = start.iter().position(|&b| b == b'\n')?;
        Some(Layout { bom, crlf: newline > 0 && start[newline - 1] == b'\r' })
    }

    /// The text in the form every editor works on: no BOM, LF line endings.
    pub fn plain(self, raw: &str) -> String {
        let body = raw.strip_prefix(BOM).unwrap_or(raw);
        if self.crlf { body.replace("\r\n", "\n") } else { body.to_string() }
    }

    /// The text as it goes to disk in this layout; `self.on_disk(&self.plain(raw)) == raw`
    /// for the layout [`Layout::of`] gives.
    pub fn on_disk(self, plain: &str) -> String {
        let mut out = String::with_capacity(plain.len() + plain.len() / 32 + 3);
        if self.bom {
            out.push(BOM);
        }
        if self.crlf {
            out.push_str(&plain.replace('\n', "\r\n"));
        } else {
            out.push_str(plain);
        }
        out
    }
}

/// The text of a file as every reader sees it: no BOM, LF line endings.
pub fn plain(raw: &str) -> String {
    Layout::of(raw).plain(raw)
}

/// The layout most of these neighbours have (a tie or none: LF without BOM).
pub fn majority(layouts: &[Layout]) -> Layout {
    let half = layouts.len() / 2;
    Layout {
        bom: layouts.iter().filter(|l| l.bom).count() > half,
        crlf: layouts.iter().filter(|l| l.crlf).count() > half,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn layouts() {
        assert_eq!(Layout::of("a = 1\n"), Layout { bom: false, crlf: false });
        assert_eq!(Layout::of("a = 1\r\nb = 2\r\n"), Layout { bom: false, crlf: true });
        assert_eq!(Layout::of("\u{feff}a = 1\r\n"), Layout { bom: true, crlf: true });
        assert_eq!(Layout::of("\u{feff}a = 1"), Layout { bom: true, crlf: false });
        // Mixed: kept as it is.
        assert_eq!(Layout::of("a = 1\r\nb = 2\n"), Layout { bom: false, crlf: false });
        assert_eq!(plain("\u{feff}a = 1\r\nb = 2\r\n"), "a = 1\nb = 2\n");
        assert_eq!(plain("a = 1\r\nb = 2\n"), "a = 1\r\nb = 2\n");
    }

    #[test]
    fn the_start_of_a_file_tells_its_layout() {
        assert_eq!(Layout::of_start(b"a\r\nb"), Some(Layout { bom: false, crlf: true }));
        assert_eq!(Layout::of_start("\u{feff}a\nb".as_bytes()), Some(Layout { bom: true, crlf: false }));
        assert_eq!(Layout::of_start(b"no line end yet"), None);
        assert_eq!(Layout::of_start(b"\n"), Some(Layout { bom: false, crlf: false }));
    }

    #[test]
    fn most_neighbours_decide() {
        let crlf = Layout { bom: false, crlf: true };
        let lf = Layout::default();
        assert_eq!(majority(&[crlf, crlf, lf]), crlf);
        assert_eq!(majority(&[crlf, lf]), lf);
        assert_eq!(majority(&[]), lf);
    }

    proptest! {
        #[test]
        fn plain_and_back_is_the_same_text(raw in "\u{feff}?([a-z=\" ]{0,8}(\r\n|\n|\r)?){0,6}") {
            let layout = Layout::of(&raw);
            let plain = layout.plain(&raw);
            prop_assert!(!plain.starts_with(BOM));
            prop_assert_eq!(layout.on_disk(&plain), raw.clone());
            if layout.crlf {
                prop_assert!(!plain.contains("\r\n") || raw.contains("\r\r\n"));
            }
        }
    }
}
