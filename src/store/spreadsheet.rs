//! Reading a spreadsheet into rows of text: `.xlsx` (and the other formats calamine knows)
//! or `.csv` as Norwegian Excel writes it — `;` or `,` or tab between fields, UTF-8 with or
//! without a byte-order mark, or Windows-1252.
//!
//! Municipal sheets merge cells (a service's name over all its rows) and colour rows (the
//! BTS pyramid's traffic lights). calamine 0.38 reads both from `.xlsx`: a region merged down
//! over several rows gets its value in every row's first cell of the region (a region merged
//! only across one row, like a section heading, stays one cell), and each row keeps the fill
//! colour of its first filled cell. Other formats have neither.

use std::path::Path;

use calamine::{Data, Reader, Sheets, open_workbook_auto};

use crate::error::Error;

/// One sheet: its name and its rows, each a list of cell texts, with the spreadsheet row
/// number of the first row (so messages can say "row 5" as the user sees it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sheet {
    /// The sheet's name (the file name for a CSV).
    pub name: String,
    /// The first row's number in the spreadsheet, from 1.
    pub first_row: usize,
    /// The first column's index, from 0 (A).
    pub first_col: usize,
    /// The cells, row by row.
    pub rows: Vec<Vec<String>>,
    /// Each row's fill colour (red, green, blue): that of its first cell with text, else of
    /// its first filled cell; `None` without one (and always in a CSV).
    pub fills: Vec<Option<Rgb>>,
}

/// A fill colour: red, green, blue.
pub type Rgb = (u8, u8, u8);

impl Sheet {
    /// A sheet of text alone (no fills), for a CSV or a test.
    pub fn plain(name: &str, rows: Vec<Vec<String>>) -> Sheet {
        let fills = vec![None; rows.len()];
        Sheet { name: name.to_string(), first_row: 1, first_col: 0, rows, fills }
    }
}

/// Reads a sheet: the one named, or the first.
pub fn read(path: &Path, sheet: Option<&str>) -> Result<Sheet, Error> {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or_default().to_lowercase();
    if ext == "csv" || ext == "txt" {
        let bytes = std::fs::read(path).map_err(|e| Error::read(path, e))?;
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        return parse_csv(&bytes, &name).map_err(|e| Error::read(path, e));
    }
    // A missing or unreadable file is told as such, not as a sheet that cannot be read.
    std::fs::metadata(path).map_err(|e| Error::read(path, e))?;
    // A file calamine cannot open (another kind of file, or a broken one) is no spreadsheet;
    // calamine's own words are English only and say no more than that.
    let bad = |_: calamine::Error| {
        Error::Stop(crate::problem::Problem::NotASpreadsheet { file: path.display().to_string() })
    };
    let mut book = open_workbook_auto(path).map_err(bad)?;
    let names = book.sheet_names();
    let name = match sheet {
        Some(wanted) => names.iter().find(|n| n.eq_ignore_ascii_case(wanted)).cloned().ok_or_else(|| {
            Error::Stop(crate::problem::Problem::NoSuchSheet { sheet: wanted.into(), sheets: names.clone() })
        })?,
        None => names.first().cloned().ok_or_else(|| {
            Error::Stop(crate::problem::Problem::NoSuchSheet { sheet: String::new(), sheets: Vec::new() })
        })?,
    };
    let range = book.worksheet_range(&name).map_err(bad)?;
    let (row0, col0) = range.start().unwrap_or((0, 0));
    let mut rows: Vec<Vec<String>> = range.rows().map(|r| r.iter().map(cell).collect()).collect();
    // A sheet without styles, or a format without them, reads as one without fills.
    let styles = book.worksheet_style(&name).unwrap_or_else(|_| calamine::StyleRange::empty());
    let merges = match &mut book {
        Sheets::Xlsx(x) => x.merge_cells_by_sheet_name(&name).unwrap_or_default(),
        _ => Vec::new(),
    };
    for m in &merges {
        let (Some(r), Some(c)) = (m.start.0.checked_sub(row0), m.start.1.checked_sub(col0)) else { continue };
        let value = rows.get(r as usize).and_then(|row| row.get(c as usize)).cloned().unwrap_or_default();
        for below in r + 1..=m.end.0.saturating_sub(row0) {
            if let Some(target) = rows.get_mut(below as usize).and_then(|row| row.get_mut(c as usize)) {
                *target = value.clone();
            }
        }
    }
    let fills = rows
        .iter()
        .enumerate()
        .map(|(r, row)| {
            let fill_at = |c: usize| {
                let style = styles.get((row0 + r as u32, col0 + c as u32))?;
                let fill = style.fill.as_ref().filter(|f| f.is_visible())?;
                fill.get_color().map(|c| (c.red, c.green, c.blue))
            };
            let first_text = row.iter().position(|c| !c.is_empty());
            first_text.and_then(fill_at).or_else(|| (0..row.len()).find_map(fill_at))
        })
        .collect();
    Ok(Sheet { name, first_row: row0 as usize + 1, first_col: col0 as usize, rows, fills })
}

fn cell(d: &Data) -> String {
    match d {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(s) => s.trim().to_string(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => if *b { "ja" } else { "nei" }.to_string(),
        other => other.to_string(),
    }
}

/// Decodes a CSV file's bytes: UTF-8 (a byte-order mark is dropped), or else Windows-1252.
fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => bytes.iter().map(|&b| windows_1252(b)).collect(),
    }
}

/// One Windows-1252 byte as a character (the code page Norwegian Excel saves CSV in).
fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
        '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9f => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

/// A cell for a CSV file a spreadsheet will open: one that starts with `=`, `+`, `-`, `@`, a
/// tab or a carriage return would be taken as a formula (CSV injection), so it gets a leading
/// `'`, which spreadsheets show as text and [`parse_csv`] takes away again.
pub fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

/// A cell as written, with the `'` of [`neutralise`] taken away.
fn unneutralise(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => cell,
    }
}

/// Parses CSV text, with the field separator its first lines use most (`;` on a tie).
pub fn parse_csv(bytes: &[u8], name: &str) -> Result<Sheet, std::io::Error> {
    let text = decode(bytes);
    // The separator the header uses most; a title line above it may have none, so the
    // first lines are looked at, each separator by the line that has most of it.
    let most = |d: u8| text.lines().take(20).map(|l| l.matches(char::from(d)).count()).max().unwrap_or(0);
    let delimiter = [b';', b',', b'\t'].into_iter().rev().max_by_key(|d| most(*d)).unwrap_or(b';');
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record =
            record.map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e.to_string()))?;
        rows.push(record.iter().map(|c| unneutralise(c.trim()).to_string()).collect());
    }
    Ok(Sheet::plain(name, rows))
}

/// The spreadsheet letter of a column index: 0 → A, 26 → AA.
pub fn column_letter(mut index: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(char::from(b'A' + (index % 26) as u8));
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    out.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_read_back() {
        for cell in ["=HYPERLINK(\"http://x\")", "+47 123", "-5", "@SUM(A1)", "\tx"] {
            let out = neutralise(cell);
            assert!(out.starts_with('\''), "{cell}");
            assert_eq!(unneutralise(&out), cell);
        }
        assert_eq!(neutralise("Kurs"), "Kurs");
        assert_eq!(unneutralise("'Kurs"), "'Kurs", "a quote before ordinary text is the user's own");
    }

    #[test]
    fn norwegian_excel_csv_in_windows_1252_with_semicolons() {
        let bytes = b"Tiltak;Enhet\n\xd8konomisk r\xe5dgivning;NAV\n";
        let sheet = parse_csv(bytes, "t.csv").unwrap();
        assert_eq!(sheet.rows, vec![vec!["Tiltak", "Enhet"], vec!["Økonomisk rådgivning", "NAV"]]);
    }

    #[test]
    fn utf8_with_a_byte_order_mark_and_commas_and_quotes() {
        let bytes = "\u{feff}Tiltak,Beskrivelse\n\"Kurs, kveld\",\"Sier \"\"hei\"\"\"\n".as_bytes();
        let sheet = parse_csv(bytes, "t.csv").unwrap();
        assert_eq!(sheet.rows[0][0], "Tiltak");
        assert_eq!(sheet.rows[1], vec!["Kurs, kveld", "Sier \"hei\""]);
    }

    #[test]
    fn a_title_line_above_the_header_does_not_hide_the_separator() {
        let sheet =
            parse_csv("Oversikt over tiltak\nTiltak;Enhet\nKurs, kveld;NAV\n".as_bytes(), "t.csv").unwrap();
        assert_eq!(sheet.rows[1], vec!["Tiltak", "Enhet"]);
        assert_eq!(sheet.rows[2], vec!["Kurs, kveld", "NAV"]);
    }

    #[test]
    fn column_letters() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(2), "C");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
    }
}
