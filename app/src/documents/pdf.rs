//! A document as a PDF, made on the server with `lopdf`: one A4 page in Helvetica (a font every PDF reader has,
//! so nothing is embedded and a slip is a few kilobytes), the rows of the document, its code, and its QR code
//! drawn as squares (no image, so it stays sharp at any zoom and prints crisply on any printer).

use lopdf::{
    content::{Content, Operation},
    dictionary, Document, Object, Stream, StringFormat,
};

/// What goes on the page, already translated.
pub struct Page<'a> {
    pub heading: &'a str,
    pub title: &'a str,
    pub rows: &'a [(String, String)],
    /// The sentence under the rows: how to check the document.
    pub check: &'a str,
    pub code_label: &'a str,
    pub code: &'a str,
    pub verify_url: &'a str,
    pub qr: &'a [Vec<bool>],
    pub footer: &'a str,
}

const WIDTH: f32 = 595.0;
const HEIGHT: f32 = 842.0;
const MARGIN: f32 = 56.0;
/// The QR code's side: 34 mm.
const QR_SIDE: f32 = 96.0;

/// Text in the fonts' WinAnsi encoding (Latin-1 for what we write); anything else becomes `?`.
fn text(value: &str) -> Object {
    let bytes = value
        .chars()
        .map(|c| match c {
            '–' | '—' => b'-',
            c if (c as u32) < 256 => c as u32 as u8,
            _ => b'?',
        })
        .collect();
    Object::String(bytes, StringFormat::Literal)
}

fn line(ops: &mut Vec<Operation>, font: &str, size: f32, x: f32, y: f32, value: &str) {
    ops.push(Operation::new("BT", vec![]));
    ops.push(Operation::new("Tf", vec![font.into(), size.into()]));
    ops.push(Operation::new("Td", vec![x.into(), y.into()]));
    ops.push(Operation::new("Tj", vec![text(value)]));
    ops.push(Operation::new("ET", vec![]));
}

/// Splits `value` into lines of at most `width` characters (Helvetica at 11 pt: about 95 to a line of 500 pt).
fn wrap(value: &str, width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in value.split_whitespace() {
        let last = lines.last_mut().expect("one line");
        if !last.is_empty() && last.len() + word.len() + 1 > width {
            lines.push(word.to_string());
        } else {
            if !last.is_empty() {
                last.push(' ');
            }
            last.push_str(word);
        }
    }
    lines
}

pub fn render(page: &Page<'_>) -> anyhow::Result<Vec<u8>> {
    let mut ops = Vec::new();
    let mut y = HEIGHT - MARGIN;
    line(&mut ops, "F1", 10.0, MARGIN, y, page.heading);
    y -= 30.0;
    line(&mut ops, "F2", 20.0, MARGIN, y, page.title);
    y -= 36.0;
    // The QR code, top right, under the title.
    let module = QR_SIDE / page.qr.len().max(1) as f32;
    let (qr_x, qr_top) = (WIDTH - MARGIN - QR_SIDE, y + 12.0);
    ops.push(Operation::new("rg", vec![0.into(), 0.into(), 0.into()]));
    for (row, modules) in page.qr.iter().enumerate() {
        for (column, dark) in modules.iter().enumerate() {
            if *dark {
                let x = qr_x + column as f32 * module;
                let top = qr_top - row as f32 * module;
                ops.push(Operation::new(
                    "re",
                    vec![x.into(), (top - module).into(), module.into(), module.into()],
                ));
            }
        }
    }
    ops.push(Operation::new("f", vec![]));
    for (label, value) in page.rows {
        line(&mut ops, "F2", 11.0, MARGIN, y, label);
        y -= 15.0;
        for part in wrap(value, 60) {
            line(&mut ops, "F1", 12.0, MARGIN, y, &part);
            y -= 15.0;
        }
        y -= 8.0;
    }
    y -= 10.0;
    for part in wrap(page.check, 95) {
        line(&mut ops, "F1", 11.0, MARGIN, y, &part);
        y -= 15.0;
    }
    line(&mut ops, "F1", 11.0, MARGIN, y, page.verify_url);
    y -= 22.0;
    line(&mut ops, "F2", 11.0, MARGIN, y, page.code_label);
    line(&mut ops, "F2", 16.0, MARGIN + 120.0, y, page.code);
    for (n, part) in wrap(page.footer, 95).iter().enumerate() {
        line(&mut ops, "F1", 9.0, MARGIN, MARGIN - n as f32 * 12.0, part);
    }

    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font = |name: &str| {
        dictionary! {
            "Type" => "Font",
            "Subtype" => "Type1",
            "BaseFont" => name.to_string(),
            "Encoding" => "WinAnsiEncoding",
        }
    };
    let regular = doc.add_object(font("Helvetica"));
    let bold = doc.add_object(font("Helvetica-Bold"));
    let resources = doc.add_object(dictionary! {
        "Font" => dictionary! { "F1" => regular, "F2" => bold },
    });
    let content = Content { operations: ops };
    let content_id = doc.add_object(Stream::new(dictionary! {}, content.encode()?));
    let page_id = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages_id,
        "Contents" => content_id,
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => vec![page_id.into()],
            "Count" => 1,
            "Resources" => resources,
            "MediaBox" => vec![0.into(), 0.into(), WIDTH.into(), HEIGHT.into()],
        }),
    );
    let info = doc.add_object(dictionary! {
        "Title" => text(page.title),
        "Producer" => text("Uraia"),
    });
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    doc.trailer.set("Info", info);
    doc.compress();
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes)?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_values_wrap_at_words() {
        assert_eq!(wrap("one two three", 7), ["one two", "three"]);
        assert_eq!(wrap("", 7), [""]);
    }

    #[test]
    fn a_page_reads_back_with_its_text() {
        let rows = [("Holder".to_string(), "Wanjiku Njeri Kamau".to_string())];
        let qr = crate::documents::qr::modules("https://uraia.go.ke/verify/7KQ2M9XD4TNB").unwrap();
        let bytes = render(&Page {
            heading: "National Transport and Safety Authority",
            title: "Driving licence renewal slip",
            rows: &rows,
            check: "Check this slip at",
            code_label: "Code",
            code: "7KQ2-M9XD-4TNB",
            verify_url: "https://uraia.go.ke/verify/7KQ2M9XD4TNB",
            qr: &qr,
            footer: "Uraia",
        })
        .unwrap();
        assert!(bytes.starts_with(b"%PDF-1.5"));
        let doc = Document::load_mem(&bytes).unwrap();
        let text = doc.extract_text(&[1]).unwrap();
        assert!(
            text.contains("Driving licence renewal slip") && text.contains("7KQ2-M9XD-4TNB"),
            "{text}"
        );
    }
}
