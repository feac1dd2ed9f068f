//! Plain-text tables for the terminal: left-aligned columns, two spaces apart, no
//! trailing spaces. Widths count characters, so `Ø` and `å` line up.

/// Renders a header and rows as aligned columns, one line each.
pub fn render(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            if let Some(w) = widths.get_mut(i) {
                *w = (*w).max(cell.chars().count());
            }
        }
    }
    let mut out = String::new();
    let mut line = |cells: &mut dyn Iterator<Item = &str>| {
        let mut text = String::new();
        for (i, cell) in cells.enumerate() {
            if i > 0 {
                text.push_str("  ");
            }
            text.push_str(cell);
            let pad = widths[i].saturating_sub(cell.chars().count());
            text.extend(std::iter::repeat_n(' ', pad));
        }
        out.push_str(text.trim_end());
        out.push('\n');
    };
    line(&mut header.iter().copied());
    for row in rows {
        line(&mut row.iter().map(String::as_str));
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn aligns_columns_by_characters() {
        let text =
            super::render(&["id", "enhet"], &[vec!["Åse".into(), "x".into()], vec!["a".into(), "".into()]]);
        assert_eq!(text, "id   enhet\nÅse  x\na\n");
    }
}
