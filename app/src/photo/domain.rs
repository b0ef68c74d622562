//! The photo rules, shared by the server (the check that counts) and the browser (which uses them to offer a crop
//! before uploading). No I/O here.

use crate::error::FieldError;

/// The product's rule (document step 6): at most 500 x 500 pixels.
pub const MAX_SIDE: u32 = 500;

/// At least 240 pixels a side, so a face can be seen: ISO/IEC 19794-5 (the ICAO face-image standard) sets 240
/// pixels as the smallest width of a "token" face image, the kind cut from a passport photo for a chip.
pub const MIN_SIDE: u32 = 240;

/// At most 2 MB (2 x 1024 x 1024 bytes). A 500 x 500 photo is 30–150 KB as a JPEG; 2 MB leaves room for an
/// uncompressed PNG (1 MB at 500 x 500) while keeping one slow upload from tying up a connection for long.
pub const MAX_BYTES: u64 = 2 * 1024 * 1024;

/// The form field the file travels in.
pub const FIELD: &str = "photo";

/// The header the picker sends with its upload: the answer is then the address to go to, not a redirect.
pub const SCRIPT_HEADER: &str = "x-uraia-upload";

/// What can be wrong with an uploaded photo, with the figures the message states.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Missing,
    TooLarge {
        bytes: u64,
    },
    NotImage,
    WrongFormat {
        format: String,
    },
    TooBig {
        width: u32,
        height: u32,
    },
    TooSmall {
        width: u32,
        height: u32,
    },
    Corrupt,
    /// The upload stopped part-way (connection lost, or a form that is not ours).
    Interrupted,
}

impl Problem {
    /// The message for the field, with its figures.
    pub fn field_error(&self) -> FieldError {
        let (key, args): (&str, Vec<(&str, String)>) = match self {
            Problem::Missing => ("photo-error-missing", vec![]),
            Problem::TooLarge { bytes } => ("photo-error-too-large", vec![("size", megabytes(*bytes))]),
            Problem::NotImage => ("photo-error-not-image", vec![]),
            Problem::WrongFormat { format } => ("photo-error-format", vec![("format", format.clone())]),
            Problem::TooBig { width, height } => ("photo-error-too-big", size_args(*width, *height)),
            Problem::TooSmall { width, height } => ("photo-error-too-small", size_args(*width, *height)),
            Problem::Corrupt => ("photo-error-corrupt", vec![]),
            Problem::Interrupted => ("photo-error-interrupted", vec![]),
        };
        let mut error = FieldError::new(FIELD, key);
        error.args = args.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
        error
    }
}

fn size_args(width: u32, height: u32) -> Vec<(&'static str, String)> {
    vec![("width", width.to_string()), ("height", height.to_string())]
}

/// "3.1 MB": one decimal, so a file just over the limit does not read as "2 MB".
pub fn megabytes(bytes: u64) -> String {
    let tenths = (bytes * 10).div_ceil(1024 * 1024);
    format!("{}.{}", tenths / 10, tenths % 10)
}

pub fn check_size(bytes: u64) -> Result<(), Problem> {
    if bytes > MAX_BYTES {
        Err(Problem::TooLarge { bytes })
    } else {
        Ok(())
    }
}

pub fn check_dimensions(width: u32, height: u32) -> Result<(), Problem> {
    if width > MAX_SIDE || height > MAX_SIDE {
        Err(Problem::TooBig { width, height })
    } else if width < MIN_SIDE || height < MIN_SIDE {
        Err(Problem::TooSmall { width, height })
    } else {
        Ok(())
    }
}

/// The square a crop of a `width` x `height` picture ends in: its side is the crop's, scaled down to fit
/// `MAX_SIDE`.
pub fn fitted_side(crop_side: u32) -> u32 {
    crop_side.min(MAX_SIDE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_limits_are_inclusive() {
        assert_eq!(check_dimensions(500, 500), Ok(()));
        assert_eq!(check_dimensions(240, 240), Ok(()));
        assert_eq!(
            check_dimensions(501, 500),
            Err(Problem::TooBig {
                width: 501,
                height: 500
            })
        );
        assert_eq!(
            check_dimensions(500, 501),
            Err(Problem::TooBig {
                width: 500,
                height: 501
            })
        );
        assert_eq!(
            check_dimensions(239, 300),
            Err(Problem::TooSmall {
                width: 239,
                height: 300
            })
        );
        assert_eq!(
            check_dimensions(300, 239),
            Err(Problem::TooSmall {
                width: 300,
                height: 239
            })
        );
        assert_eq!(check_size(MAX_BYTES), Ok(()));
        assert_eq!(
            check_size(MAX_BYTES + 1),
            Err(Problem::TooLarge { bytes: MAX_BYTES + 1 })
        );
    }

    #[test]
    fn messages_carry_the_figures() {
        let error = Problem::TooBig {
            width: 1200,
            height: 1600,
        }
        .field_error();
        assert_eq!(error.field, "photo");
        assert_eq!(error.key, "photo-error-too-big");
        assert_eq!(
            error.args,
            vec![
                ("width".to_string(), "1200".to_string()),
                ("height".to_string(), "1600".to_string())
            ]
        );
    }

    #[test]
    fn sizes_round_up_to_a_tenth_of_a_megabyte() {
        assert_eq!(megabytes(3 * 1024 * 1024), "3.0");
        assert_eq!(megabytes(MAX_BYTES + 1), "2.1");
        assert_eq!(megabytes(1), "0.1");
    }

    #[test]
    fn crops_are_scaled_down_never_up() {
        assert_eq!(fitted_side(1200), 500);
        assert_eq!(fitted_side(320), 320);
    }
}
