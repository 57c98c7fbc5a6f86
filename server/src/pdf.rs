//! Simple text documents as PDF (receipts, the Police's letters): lines wrapped and paginated.
//!
//! Written with `pdf-writer` and the standard Helvetica and Courier fonts (no font files to
//! embed); text is encoded in WinAnsi, which covers French, German and English.

use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, Str, TextStr};

const PAGE_WIDTH: f32 = 595.0;
const PAGE_HEIGHT: f32 = 842.0;
const MARGIN: f32 = 56.0;
const BODY_SIZE: f32 = 10.0;
const LEADING: f32 = 14.0;
/// Helvetica's mean advance is about half an em; a slightly wider estimate never overflows.
const CHARS_PER_LINE: usize = ((PAGE_WIDTH - 2.0 * MARGIN) / (BODY_SIZE * 0.55)) as usize;

pub enum Line {
    Title(String),
    Heading(String),
    Bold(String),
    Text(String),
    Gap,
    /// A code to type from paper: large, fixed-width, so that no character hides another.
    Code(String),
}

pub fn write_pdf(lines: &[Line], title: &str) -> Vec<u8> {
    let pages = paginate(lines);
    let catalog_id = Ref::new(1);
    let tree_id = Ref::new(2);
    let regular_id = Ref::new(3);
    let bold_id = Ref::new(4);
    let info_id = Ref::new(5);
    let code_id = Ref::new(6);
    let first_page = 7;
    let page_ids: Vec<Ref> = (0..pages.len())
        .map(|i| Ref::new(first_page + 2 * i as i32))
        .collect();
    let mut pdf = Pdf::new();
    pdf.catalog(catalog_id).pages(tree_id);
    pdf.pages(tree_id)
        .kids(page_ids.iter().copied())
        .count(pages.len() as i32);
    pdf.type1_font(regular_id)
        .base_font(Name(b"Helvetica"))
        .encoding_predefined(Name(b"WinAnsiEncoding"));
    pdf.type1_font(bold_id)
        .base_font(Name(b"Helvetica-Bold"))
        .encoding_predefined(Name(b"WinAnsiEncoding"));
    pdf.type1_font(code_id)
        .base_font(Name(b"Courier-Bold"))
        .encoding_predefined(Name(b"WinAnsiEncoding"));
    pdf.document_info(info_id)
        .title(TextStr(title))
        .producer(TextStr("ALARMIS portal"));
    let total = pages.len();
    for (index, page_lines) in pages.into_iter().enumerate() {
        let page_id = page_ids[index];
        let content_id = Ref::new(page_id.get() + 1);
        let mut page = pdf.page(page_id);
        page.media_box(Rect::new(0.0, 0.0, PAGE_WIDTH, PAGE_HEIGHT));
        page.parent(tree_id);
        page.contents(content_id);
        page.resources()
            .fonts()
            .pair(Name(b"F1"), regular_id)
            .pair(Name(b"F2"), bold_id)
            .pair(Name(b"F3"), code_id);
        page.finish();
        let mut content = Content::new();
        let mut y = PAGE_HEIGHT - MARGIN;
        for (font, size, text, advance) in page_lines {
            content.begin_text();
            content.set_font(Name(font), size);
            content.next_line(MARGIN, y);
            content.show(Str(&win_ansi(&text)));
            content.end_text();
            y -= advance;
        }
        content.begin_text();
        content.set_font(Name(b"F1"), 8.0);
        content.next_line(MARGIN, MARGIN / 2.0);
        content.show(Str(&win_ansi(&format!("{} / {total}", index + 1))));
        content.end_text();
        pdf.stream(content_id, &content.finish());
    }
    pdf.finish()
}

type Placed = (&'static [u8], f32, String, f32);

/// Lines wrapped and cut into pages: (font, size, text, space below).
fn paginate(lines: &[Line]) -> Vec<Vec<Placed>> {
    let mut placed: Vec<Placed> = Vec::new();
    for line in lines {
        match line {
            Line::Title(text) => placed.push((b"F2", 16.0, text.clone(), 22.0)),
            Line::Heading(text) => {
                placed.push((b"F1", BODY_SIZE, String::new(), 8.0));
                placed.push((b"F2", 12.0, text.clone(), 18.0));
            }
            Line::Bold(text) => {
                for part in wrap(text, CHARS_PER_LINE) {
                    placed.push((b"F2", BODY_SIZE, part, LEADING));
                }
            }
            Line::Text(text) => {
                for part in wrap(text, CHARS_PER_LINE) {
                    placed.push((b"F1", BODY_SIZE, part, LEADING));
                }
            }
            Line::Gap => placed.push((b"F1", BODY_SIZE, String::new(), LEADING)),
            Line::Code(text) => {
                placed.push((b"F1", BODY_SIZE, String::new(), 6.0));
                placed.push((b"F3", 18.0, text.clone(), 30.0));
            }
        }
    }
    let mut pages = vec![Vec::new()];
    let mut used = 0.0;
    let room = PAGE_HEIGHT - 2.0 * MARGIN;
    for item in placed {
        if used + item.3 > room {
            pages.push(Vec::new());
            used = 0.0;
        }
        used += item.3;
        if let Some(page) = pages.last_mut() {
            page.push(item);
        }
    }
    pages
}

/// Words into lines of at most `width` characters; a longer word (a hash) is cut.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            let mut word = word.to_owned();
            while word.chars().count() > width {
                let head: String = word.chars().take(width).collect();
                word = word.chars().skip(width).collect();
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                lines.push(head);
            }
            let needed =
                line.chars().count() + usize::from(!line.is_empty()) + word.chars().count();
            if needed > width && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(&word);
        }
        lines.push(line);
    }
    lines
}

/// Text in the standard fonts' WinAnsi encoding (Windows-1252); what it cannot hold becomes `?`.
fn win_ansi(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            '\u{20}'..='\u{7e}' | '\u{a0}'..='\u{ff}' => c as u32 as u8,
            '€' => 0x80,
            '‚' => 0x82,
            '„' => 0x84,
            '…' => 0x85,
            '‘' => 0x91,
            '’' => 0x92,
            '“' => 0x93,
            '”' => 0x94,
            '•' => 0x95,
            '–' => 0x96,
            '—' => 0x97,
            'Œ' => 0x8c,
            'œ' => 0x9c,
            _ => b'?',
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_on_words_and_cuts_long_hashes() {
        assert_eq!(wrap("a bb ccc", 4), vec!["a bb", "ccc"]);
        assert_eq!(wrap("0123456789", 4), vec!["0123", "4567", "89"]);
        assert_eq!(wrap("x\ny", 10), vec!["x", "y"]);
    }

    #[test]
    fn encodes_french_and_german_letters_in_win_ansi() {
        assert_eq!(win_ansi("é–ü€"), vec![0xe9, 0x96, 0xfc, 0x80]);
        assert_eq!(win_ansi("漢"), vec![b'?']);
    }
}
