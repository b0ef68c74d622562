//! The QR code on a document: its modules (the `qrcode` crate encodes), drawn as squares in the PDF and as an SVG
//! on the printable page. Medium error correction: a creased or smudged slip still scans.

use qrcode::{Color, EcLevel, QrCode};

/// The QR code of `text` as rows of dark (true) and light modules, without the quiet zone.
pub fn modules(text: &str) -> anyhow::Result<Vec<Vec<bool>>> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)?;
    let width = code.width();
    let colors = code.to_colors();
    Ok(colors
        .chunks(width)
        .map(|row| row.iter().map(|c| *c == Color::Dark).collect())
        .collect())
}

/// The QR code as an SVG, `size` CSS pixels square, with a 4-module quiet zone; `label` names it for screen readers.
pub fn svg(text: &str, size: u32, label: &str) -> anyhow::Result<String> {
    let rows = modules(text)?;
    let side = rows.len() + 8;
    let mut path = String::new();
    for (y, row) in rows.iter().enumerate() {
        for (x, dark) in row.iter().enumerate() {
            if *dark {
                path.push_str(&format!("M{} {}h1v1h-1z", x + 4, y + 4));
            }
        }
    }
    let label = html_escape::encode_double_quoted_attribute(label);
    Ok(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"{label}\" width=\"{size}\" \
         height=\"{size}\" viewBox=\"0 0 {side} {side}\" shape-rendering=\"crispEdges\"><rect width=\"{side}\" \
         height=\"{side}\" fill=\"#fff\"/><path d=\"{path}\" fill=\"#000\"/></svg>"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_verify_address_fits_a_small_code() {
        let rows = modules("https://uraia.go.ke/verify/7KQ2M9XD4TNB").unwrap();
        // Version 3 (29 modules) at level M: small enough to print 3 cm wide and still scan.
        assert!(rows.len() <= 33, "{}", rows.len());
        assert!(rows.iter().all(|row| row.len() == rows.len()));
        let svg = svg("https://uraia.go.ke/verify/7KQ2M9XD4TNB", 120, "Scan to check").unwrap();
        assert!(svg.starts_with("<svg") && svg.contains("aria-label=\"Scan to check\""));
    }
}
