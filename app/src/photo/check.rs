//! The server's check of an uploaded photo, and the re-encoding that strips its metadata. Pure: bytes in, a
//! clean JPEG or the problem out, so it is unit-tested and benchmarked without a server.
//!
//! The order matters for safety: the format is taken from the content's magic bytes (never the name or declared
//! type); the dimensions come from the header alone; only a picture within 500 x 500 is decoded, and then under
//! `Limits` that would stop a decoder whose header lied. A 20,000 x 20,000 PNG "bomb" of a few KB is refused
//! after reading its first 33 bytes of header.

use std::io::Cursor;

use image::{codecs::jpeg::JpegEncoder, DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits, RgbImage};

use super::domain::{check_dimensions, check_size, Problem, MAX_SIDE};

/// A photo ready to store: a baseline JPEG with no metadata at all.
#[derive(Debug, Clone)]
pub struct CleanPhoto {
    pub jpeg: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

/// Quality 90: visually lossless for a face at this size; a 500 x 500 photo comes out at 40–90 KB.
const JPEG_QUALITY: u8 = 90;

/// Enough for a 500 x 500 RGBA picture and the decoder's working buffers, and far short of what a bomb needs.
const DECODE_ALLOC: u64 = 8 * 1024 * 1024;

pub fn clean(bytes: &[u8]) -> Result<CleanPhoto, Problem> {
    check_size(bytes.len() as u64)?;
    if is_heic(bytes) {
        return Err(Problem::WrongFormat { format: "HEIC".into() });
    }
    let format = image::guess_format(bytes).map_err(|_| Problem::NotImage)?;
    if !matches!(format, ImageFormat::Jpeg | ImageFormat::Png) {
        return Err(Problem::WrongFormat {
            format: format.extensions_str().first().unwrap_or(&"?").to_uppercase(),
        });
    }
    let reader = || {
        let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
        reader.limits(strict_limits());
        reader
    };
    // Header only: no pixel is decoded before the size is known to be allowed.
    let (width, height) = header_dimensions(bytes, format)?;
    check_dimensions(width, height)?;
    let mut decoder = reader().into_decoder().map_err(|_| Problem::Corrupt)?;
    let orientation = decoder.orientation().map_err(|_| Problem::Corrupt)?;
    let mut picture = DynamicImage::from_decoder(decoder).map_err(|_| Problem::Corrupt)?;
    if format == ImageFormat::Jpeg && !ends_cleanly(bytes) {
        return Err(Problem::Corrupt);
    }
    // Phones store "turn this way up" in EXIF; the EXIF goes, so the turn is applied to the pixels.
    picture.apply_orientation(orientation);
    let rgb = on_white(picture);
    let (width, height) = rgb.dimensions();
    let mut jpeg = Vec::with_capacity(96 * 1024);
    JpegEncoder::new_with_quality(&mut jpeg, JPEG_QUALITY)
        .encode_image(&rgb)
        .map_err(|_| Problem::Corrupt)?;
    Ok(CleanPhoto { jpeg, width, height })
}

/// iPhones save photos as HEIC by default, and the image crate does not know it: name it, so the person is told
/// "HEIC" rather than "not a picture". (An ISO media file whose brand is one of HEIF's.)
fn is_heic(bytes: &[u8]) -> bool {
    const BRANDS: [&[u8]; 7] = [b"heic", b"heix", b"hevc", b"heim", b"heis", b"mif1", b"msf1"];
    bytes.get(4..8) == Some(b"ftyp") && bytes.get(8..12).is_some_and(|brand| BRANDS.contains(&brand))
}

/// The width and height the header declares, without limits that would turn "too big" into a decoder error.
fn header_dimensions(bytes: &[u8], format: ImageFormat) -> Result<(u32, u32), Problem> {
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_alloc = Some(DECODE_ALLOC);
    reader.limits(limits);
    reader.into_dimensions().map_err(|_| Problem::Corrupt)
}

fn strict_limits() -> Limits {
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(DECODE_ALLOC);
    limits
}

/// The JPEG decoder is lenient and paints a cut-off file's missing rows grey, so the structure is walked to its
/// end-of-image marker: segments by their lengths, scans byte by byte (inside a scan 0xFF is always followed by
/// 0x00 or a restart marker). Whatever follows the end (phones append "motion photo" videos) is ignored.
fn ends_cleanly(bytes: &[u8]) -> bool {
    let mut at = 2; // after SOI
    while at + 2 <= bytes.len() {
        if bytes[at] != 0xFF {
            return false;
        }
        let marker = bytes[at + 1];
        match marker {
            0xD9 => return true,
            0xFF => at += 1, // fill byte
            0x01 | 0xD0..=0xD7 => at += 2,
            _ => {
                let Some(&[high, low]) = bytes.get(at + 2..at + 4) else {
                    return false;
                };
                let length = usize::from(u16::from_be_bytes([high, low]));
                at += 2 + length;
                if marker == 0xDA {
                    at = match end_of_scan(bytes, at) {
                        Some(next) => next,
                        None => return false,
                    };
                }
            }
        }
    }
    false
}

/// Where the marker after a scan's entropy-coded data starts.
fn end_of_scan(bytes: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    while at + 1 < bytes.len() {
        if bytes[at] == 0xFF && !matches!(bytes[at + 1], 0x00 | 0xD0..=0xD7 | 0xFF) {
            return Some(at);
        }
        at += 1;
    }
    None
}

/// Transparent parts of a PNG become white, as on a printed photo, not the black a plain conversion gives.
fn on_white(picture: DynamicImage) -> RgbImage {
    if !picture.color().has_alpha() {
        return picture.into_rgb8();
    }
    let rgba = picture.into_rgba8();
    RgbImage::from_fn(rgba.width(), rgba.height(), |x, y| {
        let [r, g, b, a] = rgba.get_pixel(x, y).0;
        let blend = |c: u8| ((u16::from(c) * u16::from(a) + 255 * (255 - u16::from(a))) / 255) as u8;
        image::Rgb([blend(r), blend(g), blend(b)])
    })
}

/// Test pictures, shared by the unit tests, the server tests and the benchmark.
#[cfg(any(test, feature = "samples"))]
pub mod samples {
    use std::io::Write;

    use image::{codecs::png::PngEncoder, ImageEncoder, Rgb, RgbImage};

    use super::*;

    /// A `width` x `height` JPEG with a gradient (so it compresses like a photo, not like a flat colour).
    pub fn jpeg(width: u32, height: u32) -> Vec<u8> {
        let mut out = Vec::new();
        JpegEncoder::new_with_quality(&mut out, 85)
            .encode_image(&gradient(width, height))
            .expect("encode");
        out
    }

    pub fn png(width: u32, height: u32) -> Vec<u8> {
        let picture = gradient(width, height);
        let mut out = Vec::new();
        PngEncoder::new(&mut out)
            .write_image(picture.as_raw(), width, height, image::ExtendedColorType::Rgb8)
            .expect("encode");
        out
    }

    fn gradient(width: u32, height: u32) -> RgbImage {
        RgbImage::from_fn(width, height, |x, y| {
            Rgb([(x % 256) as u8, (y % 256) as u8, ((x + y) % 256) as u8])
        })
    }

    /// The bytes a GPS position and a camera serial leave in a JPEG.
    pub const GPS_MARKER: &[u8] = b"GPS-36.8219E1.2921S";
    pub const SERIAL_MARKER: &[u8] = b"SERIAL-KE-0042";

    /// A JPEG carrying an EXIF block as phones write them: an orientation (1: upright; 6: turn 90° clockwise
    /// to view), a GPS position and a camera serial number.
    pub fn jpeg_with_exif(width: u32, height: u32, orientation: u16) -> Vec<u8> {
        let plain = jpeg(width, height);
        // TIFF, little-endian: IFD0 with the orientation (0x0112, SHORT), the GPS IFD pointer (0x8825) and a
        // camera serial (0xA431, ASCII); the GPS IFD with GPSLatitudeRef (0x0001, ASCII) pointing at the marker.
        let mut tiff: Vec<u8> = b"II*\0".to_vec();
        tiff.extend(8u32.to_le_bytes());
        let ifd0_len = 2 + 3 * 12 + 4;
        let gps_ifd = 8 + ifd0_len;
        let gps_len = 2 + 12 + 4;
        let serial_at = gps_ifd + gps_len;
        let gps_text_at = serial_at + SERIAL_MARKER.len() as u32 + 1;
        let entry = |tag: u16, kind: u16, count: u32, value: u32| {
            let mut e = tag.to_le_bytes().to_vec();
            e.extend(kind.to_le_bytes());
            e.extend(count.to_le_bytes());
            e.extend(value.to_le_bytes());
            e
        };
        tiff.extend(3u16.to_le_bytes());
        tiff.extend(entry(0x0112, 3, 1, u32::from(orientation)));
        tiff.extend(entry(0x8825, 4, 1, gps_ifd));
        tiff.extend(entry(0xA431, 2, SERIAL_MARKER.len() as u32 + 1, serial_at));
        tiff.extend(0u32.to_le_bytes());
        tiff.extend(1u16.to_le_bytes());
        tiff.extend(entry(0x0001, 2, GPS_MARKER.len() as u32 + 1, gps_text_at));
        tiff.extend(0u32.to_le_bytes());
        tiff.extend(SERIAL_MARKER);
        tiff.push(0);
        tiff.extend(GPS_MARKER);
        tiff.push(0);
        let mut app1 = b"Exif\0\0".to_vec();
        app1.extend(tiff);
        let mut out = plain[..2].to_vec();
        out.extend([0xFF, 0xE1]);
        out.extend(((app1.len() + 2) as u16).to_be_bytes());
        out.extend(app1);
        out.extend(&plain[2..]);
        out
    }

    /// A PNG whose header says `side` x `side` (one bit per pixel, all black) and whose data is what it says:
    /// `side` = 20,000 is 50 MB of pixels compressed into ~50 KB; decoded to RGBA it would want 1.6 GB.
    pub fn png_bomb(side: u32) -> Vec<u8> {
        let row = vec![0u8; 1 + side.div_ceil(8) as usize];
        let mut zlib = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        for _ in 0..side {
            zlib.write_all(&row).expect("compress");
        }
        let data = zlib.finish().expect("compress");
        let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
        let mut ihdr = side.to_be_bytes().to_vec();
        ihdr.extend(side.to_be_bytes());
        ihdr.extend([1, 0, 0, 0, 0]);
        chunk(&mut out, b"IHDR", &ihdr);
        chunk(&mut out, b"IDAT", &data);
        chunk(&mut out, b"IEND", &[]);
        out
    }

    fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
        out.extend((data.len() as u32).to_be_bytes());
        out.extend(kind);
        out.extend(data);
        let mut crc = flate2::Crc::new();
        crc.update(kind);
        crc.update(data);
        out.extend(crc.sum().to_be_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::{samples::*, *};

    fn problem(bytes: &[u8]) -> Problem {
        clean(bytes).unwrap_err()
    }

    #[test]
    fn a_photo_at_the_limit_is_accepted_and_re_encoded() {
        let photo = clean(&jpeg(500, 500)).unwrap();
        assert_eq!((photo.width, photo.height), (500, 500));
        assert_eq!(image::guess_format(&photo.jpeg).unwrap(), ImageFormat::Jpeg);
        let photo = clean(&png(240, 240)).unwrap();
        assert_eq!((photo.width, photo.height), (240, 240));
    }

    #[test]
    fn sizes_outside_the_limits_are_refused_with_their_figures() {
        assert_eq!(
            problem(&jpeg(501, 500)),
            Problem::TooBig {
                width: 501,
                height: 500
            }
        );
        assert_eq!(
            problem(&png(500, 501)),
            Problem::TooBig {
                width: 500,
                height: 501
            }
        );
        assert_eq!(
            problem(&jpeg(239, 400)),
            Problem::TooSmall {
                width: 239,
                height: 400
            }
        );
    }

    #[test]
    fn metadata_does_not_survive() {
        let original = jpeg_with_exif(400, 400, 1);
        let contains = |hay: &[u8], needle: &[u8]| hay.windows(needle.len()).any(|w| w == needle);
        assert!(contains(&original, GPS_MARKER) && contains(&original, SERIAL_MARKER));
        let photo = clean(&original).unwrap();
        assert!(!contains(&photo.jpeg, GPS_MARKER));
        assert!(!contains(&photo.jpeg, SERIAL_MARKER));
        assert!(!contains(&photo.jpeg, b"Exif"));
    }

    #[test]
    fn a_phone_s_rotation_is_applied_to_the_pixels() {
        // Stored 300 wide and 400 high, shown turned: 400 x 300. Without the EXIF, only the turned pixels say so.
        let photo = clean(&jpeg_with_exif(300, 400, 6)).unwrap();
        assert_eq!((photo.width, photo.height), (400, 300));
    }

    #[test]
    fn content_decides_not_the_name() {
        assert_eq!(
            problem(b"This is a text file that someone named photo.jpg\n"),
            Problem::NotImage
        );
        assert_eq!(problem(b""), Problem::NotImage);
        assert_eq!(
            problem(b"GIF89a\x01\x00\x01\x00"),
            Problem::WrongFormat { format: "GIF".into() }
        );
    }

    #[test]
    fn damaged_files_are_corrupt() {
        let whole = jpeg(400, 400);
        assert_eq!(problem(&whole[..whole.len() / 2]), Problem::Corrupt);
        assert_eq!(problem(&whole[..40]), Problem::Corrupt);
        assert_eq!(problem(&whole[..whole.len() - 2]), Problem::Corrupt);
        let mut trailer = whole.clone();
        trailer.extend(vec![0x42; 5000]);
        assert!(clean(&trailer).is_ok(), "data after the end marker is ignored");
        let whole = png(400, 400);
        assert_eq!(problem(&whole[..whole.len() / 2]), Problem::Corrupt);
    }

    #[test]
    fn a_decompression_bomb_is_refused_from_its_header() {
        let bomb = png_bomb(20_000);
        assert!(bomb.len() < 100 * 1024, "{}", bomb.len());
        assert_eq!(
            problem(&bomb),
            Problem::TooBig {
                width: 20_000,
                height: 20_000
            }
        );
    }

    #[test]
    fn transparency_becomes_white() {
        let clear = image::RgbaImage::from_pixel(300, 300, image::Rgba([0, 0, 0, 0]));
        let rgb = on_white(DynamicImage::ImageRgba8(clear));
        assert_eq!(rgb.get_pixel(10, 10).0, [255, 255, 255]);
    }
}
