//! Scan resolution as stated by the file: PNG `pHYs`, JPEG JFIF density,
//! EXIF and TIFF resolution tags.
//!
//! The JFIF `APP0` segment is read by hand: neither `image` nor `zune-jpeg`
//! exposes its density fields, and the segment is twelve fixed bytes at the
//! start of the file.

use std::io::Cursor;

/// Values outside this range (dots per inch) are placeholders or damage, not
/// a scan resolution.
const DPI_RANGE: std::ops::RangeInclusive<f64> = 10.0..=20_000.0;

/// Centimetres per inch.
const CM_PER_INCH: f64 = 2.54;

/// Metres per inch.
const M_PER_INCH: f64 = 0.0254;

/// JPEG segments looked at before giving up on finding JFIF density.
const MAX_JPEG_SEGMENTS: usize = 64;

/// Horizontal and vertical resolution in dots per inch.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Density {
    /// Dots per inch along a row.
    pub x: f32,
    /// Dots per inch along a column.
    pub y: f32,
}

/// The unit a file states its resolution in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    /// Dots per inch.
    Inch,
    /// Dots per centimetre.
    Centimetre,
    /// Dots per metre (PNG).
    Metre,
}

impl Density {
    /// Build from values in `unit`; `None` when either value is not a
    /// plausible resolution.
    pub(crate) fn from_units(x: f64, y: f64, unit: Unit) -> Option<Density> {
        let to_inch = match unit {
            Unit::Inch => 1.0,
            Unit::Centimetre => CM_PER_INCH,
            Unit::Metre => M_PER_INCH,
        };
        let (x, y) = (x * to_inch, y * to_inch);
        if DPI_RANGE.contains(&x) && DPI_RANGE.contains(&y) {
            Some(Density {
                x: x as f32,
                y: y as f32,
            })
        } else {
            None
        }
    }
}

/// Resolution from a PNG `pHYs` chunk in metres (the unit-less form only gives
/// an aspect ratio, which is not a resolution).
pub(crate) fn png_density(bytes: &[u8]) -> Option<Density> {
    let reader = png::Decoder::new(Cursor::new(bytes)).read_info().ok()?;
    let dims = reader.info().pixel_dims?;
    match dims.unit {
        png::Unit::Meter => {
            Density::from_units(f64::from(dims.xppu), f64::from(dims.yppu), Unit::Metre)
        }
        png::Unit::Unspecified => None,
    }
}

/// Resolution of a JPEG: the JFIF density when it has a unit, else the EXIF
/// resolution (`exif` is the EXIF block as the decoder returned it, starting
/// with the TIFF header).
pub(crate) fn jpeg_density(bytes: &[u8], exif: Option<&[u8]>) -> Option<Density> {
    jfif_density(bytes).or_else(|| exif.and_then(exif_density))
}

/// Density fields of the JFIF `APP0` segment, if any, with units 1 (inch) or
/// 2 (centimetre).
fn jfif_density(bytes: &[u8]) -> Option<Density> {
    // Walk the marker segments after SOI until the frame header.
    let mut pos = 2;
    for _ in 0..MAX_JPEG_SEGMENTS {
        if *bytes.get(pos)? != 0xFF {
            return None;
        }
        let marker = *bytes.get(pos + 1)?;
        if marker == 0xFF {
            // Fill byte before a marker.
            pos += 1;
            continue;
        }
        if (0xC0..=0xCF).contains(&marker) || marker == 0xDA || marker == 0xD9 {
            return None;
        }
        let length = usize::from(u16::from_be_bytes([
            *bytes.get(pos + 2)?,
            *bytes.get(pos + 3)?,
        ]));
        let payload = bytes.get(pos + 4..pos + 2 + length)?;

        // APP0 "JFIF\0": version (2), units (1), x density (2), y density (2).
        if marker == 0xE0 && payload.len() >= 12 && payload.starts_with(b"JFIF\0") {
            let unit = match payload[7] {
                1 => Unit::Inch,
                2 => Unit::Centimetre,
                _ => return None,
            };
            let x = u16::from_be_bytes([payload[8], payload[9]]);
            let y = u16::from_be_bytes([payload[10], payload[11]]);
            return Density::from_units(f64::from(x), f64::from(y), unit);
        }
        pos += 2 + length;
    }
    None
}

/// Resolution tags of IFD0 of an EXIF block (starting with the TIFF header).
pub(crate) fn exif_density(exif: &[u8]) -> Option<Density> {
    use exif::{In, Tag, Value};

    let parsed = exif::Reader::new().read_raw(exif.to_vec()).ok()?;
    let rational = |tag: Tag| match &parsed.get_field(tag, In::PRIMARY)?.value {
        Value::Rational(values) => values.first().map(|r| r.to_f64()),
        _ => None,
    };
    let x = rational(Tag::XResolution)?;
    let y = rational(Tag::YResolution).unwrap_or(x);
    let unit = parsed
        .get_field(Tag::ResolutionUnit, In::PRIMARY)
        .and_then(|f| f.value.get_uint(0))
        .unwrap_or(2);
    match unit {
        2 => Density::from_units(x, y, Unit::Inch),
        3 => Density::from_units(x, y, Unit::Centimetre),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// SOI + APP0 JFIF with the given unit and densities + SOF0 start.
    fn jfif(unit: u8, x: u16, y: u16) -> Vec<u8> {
        let mut bytes = vec![0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10];
        bytes.extend_from_slice(b"JFIF\0\x01\x01");
        bytes.push(unit);
        bytes.extend_from_slice(&x.to_be_bytes());
        bytes.extend_from_slice(&y.to_be_bytes());
        bytes.extend_from_slice(&[0, 0, 0xFF, 0xC0, 0x00, 0x11]);
        bytes
    }

    #[test]
    fn jfif_units() {
        assert_eq!(
            jfif_density(&jfif(1, 300, 300)),
            Some(Density { x: 300.0, y: 300.0 })
        );
        let cm = jfif_density(&jfif(2, 118, 118)).unwrap();
        assert!((cm.x - 299.72).abs() < 0.01);
        // Unit 0 is an aspect ratio only.
        assert_eq!(jfif_density(&jfif(0, 1, 1)), None);
        // Truncated inside the segment.
        assert_eq!(jfif_density(&jfif(1, 300, 300)[..12]), None);
    }

    #[test]
    fn implausible_values_are_dropped() {
        assert_eq!(Density::from_units(1.0, 1.0, Unit::Inch), None);
        assert_eq!(Density::from_units(f64::NAN, 300.0, Unit::Inch), None);
        let png = Density::from_units(11811.0, 11811.0, Unit::Metre).unwrap();
        assert!((png.x - 300.0).abs() < 0.01);
    }

    #[test]
    fn exif_resolution_in_inches() {
        // Big-endian TIFF header, IFD0 with XResolution, YResolution (rational
        // at offsets 50 and 58) and ResolutionUnit = 2.
        let mut exif = b"MM\0\x2a\0\0\0\x08\0\x03".to_vec();
        exif.extend_from_slice(&[0x01, 0x1A, 0, 5, 0, 0, 0, 1, 0, 0, 0, 50]);
        exif.extend_from_slice(&[0x01, 0x1B, 0, 5, 0, 0, 0, 1, 0, 0, 0, 58]);
        exif.extend_from_slice(&[0x01, 0x28, 0, 3, 0, 0, 0, 1, 0, 2, 0, 0]);
        exif.extend_from_slice(&[0, 0, 0, 0]);
        exif.extend_from_slice(&[0, 0, 0x01, 0x2C, 0, 0, 0, 1]);
        exif.extend_from_slice(&[0, 0, 0x02, 0x58, 0, 0, 0, 2]);
        assert_eq!(exif_density(&exif), Some(Density { x: 300.0, y: 300.0 }));
        assert_eq!(exif_density(&exif[..20]), None);
    }
}
