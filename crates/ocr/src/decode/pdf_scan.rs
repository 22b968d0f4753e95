//! Size checks on a PDF's streams before `hayro` decodes them.
//!
//! `hayro` allocates whatever a file declares: an image of Width x Height, a
//! CCITT image of Columns x Height (the two may disagree), a JPEG 2000
//! codestream of its own header size, and the whole output of a Flate
//! stream, so a few hundred bytes can ask for gigabytes and abort the
//! process. These checks read the declarations (and inflate Flate streams
//! without keeping the output) and turn oversized ones into `Limits` errors.
//!
//! `hayro` 0.9 also divides by the predictor row length of Flate and LZW
//! streams without checking it (`/Predictor 2 /Columns 0` panics, even in
//! release builds) and multiplies Columns x Colors x BitsPerComponent
//! unchecked. Predictor parameters are therefore checked twice: on the raw
//! bytes before `hayro` parses the file (cross-reference and object streams
//! are decoded while parsing), and on every parsed stream dictionary after.
//!
//! All of this is written here because `hayro` has no hook for limits.
//!
//! The work of drawing a page is bounded only for dashed strokes, by
//! [`super::pdf_dash`] before each render: a page whose dash patterns would
//! make millions of dash segments (counted through Form XObjects, tiling
//! patterns, soft masks, Type 3 glyphs and the CTM in effect) gets a
//! `Limits` error, and a dash pattern with a negative or infinite length a
//! `Decode` error, both naming the page.
//!
//! Still not bounded: other drawing work. A tiling pattern with a tiny step
//! over a large area (each copy of its cell is interpreted), deeply repeated
//! Form XObjects, paths of millions of segments, or huge curves flattened at
//! device resolution can still take seconds to minutes; that needs a work
//! budget inside the renderer, which `hayro` 0.9 lacks.

use std::io::{BufRead, BufReader, Read};

use hayro::hayro_syntax::object::dict::keys::{
    BITS_PER_COMPONENT, CCITTFAX_DECODE, CCITTFAX_DECODE_ABBREVIATION, COLORS, COLUMNS,
    DECODE_PARMS, DP, F, FILTER, FLATE_DECODE, FLATE_DECODE_ABBREVIATION, HEIGHT, IMAGE,
    JPX_DECODE, LZW_DECODE, LZW_DECODE_ABBREVIATION, PREDICTOR, SUBTYPE, WIDTH,
};
use hayro::hayro_syntax::object::{Dict, Name, Object, Stream};
use hayro::hayro_syntax::Pdf;

use crate::error::{OcrError, Result};
use crate::limits::Limits;

/// Columns of a CCITT image when DecodeParms does not say (PDF default).
const CCITT_DEFAULT_COLUMNS: f64 = 1728.0;

/// Decoded bytes allowed per stream, per pixel of `max_source_pixels`: the
/// RGBA form of the largest image a page may hold.
const DECODED_BYTES_PER_SOURCE_PIXEL: u64 = 4;

/// Inflate buffer, in bytes.
const CHUNK: usize = 64 * 1024;

/// Predictor parameters accepted: enough for any real image row, small
/// enough that `hayro`'s byte arithmetic cannot overflow (15 x 16 < 256).
const MAX_PREDICTOR_COLUMNS: f64 = 16_777_216.0;
const MAX_PREDICTOR_COLORS: f64 = 15.0;
const MAX_PREDICTOR_BITS: f64 = 16.0;

/// Check the predictor parameters spelled in the raw file, before `hayro`
/// parses it: every `/Columns`, `/Colors` and `/BitsPerComponent` name (with
/// `#xx` escapes decoded) followed by a number out of range is refused.
pub(crate) fn check_raw_predictor_names(bytes: &[u8]) -> Result<()> {
    let mut pos = 0;
    while let Some(offset) = bytes[pos..].iter().position(|&b| b == b'/') {
        // The name token after the slash, escapes decoded.
        let start = pos + offset + 1;
        let end = bytes[start..]
            .iter()
            .position(|&b| is_delimiter(b))
            .map_or(bytes.len(), |n| start + n);
        pos = end;
        let name = unescape_name(&bytes[start..end]);
        let range = match name.as_slice() {
            b"Columns" => 1.0..=MAX_PREDICTOR_COLUMNS,
            b"Colors" => 1.0..=MAX_PREDICTOR_COLORS,
            b"BitsPerComponent" => 1.0..=MAX_PREDICTOR_BITS,
            _ => continue,
        };

        // The number after it, if any (references and names are left alone).
        let Some(value) = number_after(&bytes[end..]) else {
            continue;
        };
        if !range.contains(&value.trunc()) {
            return Err(predictor_error(&name, value));
        }
    }
    Ok(())
}

/// Check every stream's declared pixel count against `max_source_pixels`:
/// images (Width x Height), CCITT data (Columns x Height) and JPEG 2000
/// codestreams (their own header). Cheap: no stream is decoded.
pub(crate) fn check_declared_sizes(pdf: &Pdf, limits: &Limits) -> Result<()> {
    for object in pdf.objects() {
        let Object::Stream(stream) = object else {
            continue;
        };
        let dict = stream.dict();
        check_predictors(dict)?;
        if dict.get::<Name<'_>>(SUBTYPE).as_deref() != Some(IMAGE) {
            continue;
        }

        // Width x Height, and what each image filter will allocate.
        let side =
            |d: &Dict<'_>, key: &[u8], default: f64| d.get::<f64>(key).unwrap_or(default).max(0.0);
        let (width, height) = (side(dict, WIDTH, 0.0), side(dict, HEIGHT, 0.0));
        check_pixels(width * height, "pixels in an embedded image", limits)?;
        let filters = filter_names(dict);
        for (index, name) in filters.iter().enumerate() {
            let name = name.as_slice();
            if name == CCITTFAX_DECODE || name == CCITTFAX_DECODE_ABBREVIATION {
                let params = decode_params(dict, index);
                let columns = params.as_ref().map_or(CCITT_DEFAULT_COLUMNS, |p| {
                    side(p, COLUMNS, CCITT_DEFAULT_COLUMNS)
                });
                check_pixels(columns * height, "pixels in an embedded fax image", limits)?;
            }
            if name == JPX_DECODE && filters.len() == 1 {
                if let Some(pixels) = jpx_pixels(&stream.raw_data()) {
                    check_pixels(
                        pixels as f64,
                        "pixels in an embedded JPEG 2000 image",
                        limits,
                    )?;
                }
            }
        }
    }
    Ok(())
}

/// Inflate every stream whose filters are all Flate, counting but not
/// keeping the output, and refuse one that would exceed
/// `max_source_pixels * 4` bytes. Costs one decompression of each stream.
pub(crate) fn check_decompressed_sizes(pdf: &Pdf, limits: &Limits) -> Result<()> {
    let cap = limits
        .max_source_pixels
        .saturating_mul(DECODED_BYTES_PER_SOURCE_PIXEL);
    for object in pdf.objects() {
        let Object::Stream(stream) = object else {
            continue;
        };
        let stages = filter_names(stream.dict());
        let all_flate = stages
            .iter()
            .all(|n| n.as_slice() == FLATE_DECODE || n.as_slice() == FLATE_DECODE_ABBREVIATION);
        if stages.is_empty() || !all_flate {
            continue;
        }
        let produced = inflated_len(&stream_data(&stream), stages.len(), cap);
        if produced > cap {
            return Err(OcrError::Limits {
                page: None,
                what: "decompressed bytes in a PDF stream",
                value: produced,
                limit: cap,
            });
        }
    }
    Ok(())
}

/// Refuse predictor parameters `hayro` would divide by zero or overflow on,
/// read with the same types and defaults as `hayro` reads them.
fn check_predictors(dict: &Dict<'_>) -> Result<()> {
    for (index, name) in filter_names(dict).iter().enumerate() {
        let name = name.as_slice();
        let predicted = [
            FLATE_DECODE,
            FLATE_DECODE_ABBREVIATION,
            LZW_DECODE,
            LZW_DECODE_ABBREVIATION,
        ]
        .contains(&name);
        let Some(params) = decode_params(dict, index).filter(|_| predicted) else {
            continue;
        };
        if params.get::<u8>(PREDICTOR).unwrap_or(1) == 1 {
            continue;
        }
        let columns = params.get::<usize>(COLUMNS).unwrap_or(1) as f64;
        let colors = f64::from(params.get::<u8>(COLORS).unwrap_or(1));
        let bits = f64::from(params.get::<u8>(BITS_PER_COMPONENT).unwrap_or(8));
        for (key, value, max) in [
            (COLUMNS, columns, MAX_PREDICTOR_COLUMNS),
            (COLORS, colors, MAX_PREDICTOR_COLORS),
            (BITS_PER_COMPONENT, bits, MAX_PREDICTOR_BITS),
        ] {
            if !(1.0..=max).contains(&value) {
                return Err(predictor_error(key, value));
            }
        }
    }
    Ok(())
}

/// The error for a predictor parameter out of range.
fn predictor_error(key: &[u8], value: f64) -> OcrError {
    OcrError::Decode {
        format: "PDF",
        page: None,
        detail: format!(
            "stream predictor parameter /{} {value} is out of range",
            String::from_utf8_lossy(key)
        ),
    }
}

/// PDF delimiters and white space end a name token.
fn is_delimiter(byte: u8) -> bool {
    matches!(
        byte,
        b'(' | b')'
            | b'<'
            | b'>'
            | b'['
            | b']'
            | b'{'
            | b'}'
            | b'/'
            | b'%'
            | 0
            | 9
            | 10
            | 12
            | 13
            | 32
    )
}

/// A name token with `#xx` escapes decoded.
fn unescape_name(raw: &[u8]) -> Vec<u8> {
    let mut name = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        let hex = raw
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok());
        match (raw[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'#', Some(byte)) => {
                name.push(byte);
                i += 3;
            }
            (byte, _) => {
                name.push(byte);
                i += 1;
            }
        }
    }
    name
}

/// The number token right after a name (white space skipped), if any.
fn number_after(bytes: &[u8]) -> Option<f64> {
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace())?;
    let token = &bytes[start..];
    let len = token
        .iter()
        .position(|&b| !(b.is_ascii_digit() || b == b'.' || b == b'-' || b == b'+'))
        .unwrap_or(token.len());
    std::str::from_utf8(&token[..len]).ok()?.parse().ok()
}

/// Refuse `pixels` above `max_source_pixels`.
fn check_pixels(pixels: f64, what: &'static str, limits: &Limits) -> Result<()> {
    if pixels > limits.max_source_pixels as f64 {
        return Err(OcrError::Limits {
            page: None,
            what,
            value: pixels.min(u64::MAX as f64) as u64,
            limit: limits.max_source_pixels,
        });
    }
    Ok(())
}

/// The stream's raw (decrypted, still encoded) bytes.
fn stream_data(stream: &Stream<'_>) -> Vec<u8> {
    stream.raw_data().into_owned()
}

/// Filter names of a stream dictionary, in application order.
fn filter_names(dict: &Dict<'_>) -> Vec<Vec<u8>> {
    match dict
        .get::<Object<'_>>(F)
        .or_else(|| dict.get::<Object<'_>>(FILTER))
    {
        Some(Object::Name(name)) => vec![name.to_vec()],
        Some(Object::Array(array)) => array.iter::<Name<'_>>().map(|n| n.to_vec()).collect(),
        _ => Vec::new(),
    }
}

/// DecodeParms of the filter at `index` (a dictionary, or one per filter).
fn decode_params<'a>(dict: &Dict<'a>, index: usize) -> Option<Dict<'a>> {
    let params = dict
        .get::<Object<'a>>(DP)
        .or_else(|| dict.get::<Object<'a>>(DECODE_PARMS))?;
    match params {
        Object::Dict(params) if index == 0 => Some(params),
        Object::Array(array) => array.iter::<Object<'a>>().nth(index)?.into_dict(),
        _ => None,
    }
}

/// Pixel count from a JPEG 2000 codestream's SIZ segment (also found inside
/// a JP2 file): (Xsiz - XOsiz) x (Ysiz - YOsiz).
fn jpx_pixels(data: &[u8]) -> Option<u64> {
    let start = data
        .windows(4)
        .position(|w| w == [0xFF, 0x4F, 0xFF, 0x51])?;
    let field = |offset: usize| -> Option<u64> {
        let at = start + 4 + offset;
        let bytes: [u8; 4] = data.get(at..at + 4)?.try_into().ok()?;
        Some(u64::from(u32::from_be_bytes(bytes)))
    };
    // After the marker: Lsiz (2), Rsiz (2), Xsiz, Ysiz, XOsiz, YOsiz (4 each).
    let (x, y, x0, y0) = (field(4)?, field(8)?, field(12)?, field(16)?);
    Some(x.saturating_sub(x0) * y.saturating_sub(y0))
}

/// Bytes produced by `stages` successive inflations of `data`, counting
/// stops just past `cap`. Each stage accepts zlib or raw deflate data, as
/// `hayro` does; a damaged stream counts what it yields before the damage.
fn inflated_len(data: &[u8], stages: usize, cap: u64) -> u64 {
    let mut reader: Box<dyn Read + '_> = Box::new(data);
    for _ in 0..stages {
        reader = inflate_stage(reader);
    }
    let mut buffer = vec![0u8; CHUNK];
    let mut total = 0u64;
    while total <= cap {
        match reader.read(&mut buffer) {
            Ok(0) | Err(_) => break,
            Ok(n) => total += n as u64,
        }
    }
    total
}

/// One inflation: zlib when the data starts with a zlib header, else raw
/// deflate.
fn inflate_stage<'a>(input: Box<dyn Read + 'a>) -> Box<dyn Read + 'a> {
    let mut input = BufReader::new(input);
    let zlib = match input.fill_buf() {
        Ok([cmf, flg, ..]) => cmf & 0x0F == 8 && (u16::from(*cmf) << 8 | u16::from(*flg)) % 31 == 0,
        _ => false,
    };
    if zlib {
        Box::new(flate2::bufread::ZlibDecoder::new(input))
    } else {
        Box::new(flate2::bufread::DeflateDecoder::new(input))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn zlib(data: &[u8]) -> Vec<u8> {
        let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        encoder.write_all(data).unwrap();
        encoder.finish().unwrap()
    }

    #[test]
    fn counts_nested_inflation_up_to_the_cap() {
        let once = zlib(&vec![b' '; 100_000]);
        assert_eq!(inflated_len(&once, 1, u64::MAX), 100_000);
        let twice = zlib(&once);
        assert_eq!(inflated_len(&twice, 2, u64::MAX), 100_000);
        let stopped = inflated_len(&once, 1, 1000);
        assert!(
            stopped > 1000 && stopped <= 1000 + CHUNK as u64,
            "{stopped}"
        );
        // Raw deflate without the zlib header.
        let raw = &once[2..once.len() - 4];
        assert_eq!(inflated_len(raw, 1, u64::MAX), 100_000);
        // Garbage yields nothing, without error.
        assert_eq!(inflated_len(b"not deflate at all", 1, u64::MAX), 0);
    }

    #[test]
    fn raw_predictor_names_are_checked_with_escapes() {
        assert!(check_raw_predictor_names(b"<< /Predictor 12 /Columns 5 /Colors 3 >>").is_ok());
        assert!(check_raw_predictor_names(b"/Columns 7 0 R /BitsPerComponent 16").is_ok());
        assert!(check_raw_predictor_names(b"<< /Predictor 2 /Columns 0 >>").is_err());
        assert!(check_raw_predictor_names(b"<</Col#75mns 0.5>>").is_err());
        assert!(check_raw_predictor_names(b"/Colors 32").is_err());
        assert!(check_raw_predictor_names(b"/Columns 99999999999").is_err());
        assert!(check_raw_predictor_names(b"/Columns").is_ok());
        assert_eq!(unescape_name(b"A#42#zz#4"), b"AB#zz#4");
    }

    #[test]
    fn reads_jpx_size_from_siz() {
        let mut codestream = vec![0xFF, 0x4F, 0xFF, 0x51, 0, 41, 0, 0];
        for value in [70_000u32, 80_000, 0, 0] {
            codestream.extend_from_slice(&value.to_be_bytes());
        }
        assert_eq!(jpx_pixels(&codestream), Some(5_600_000_000));
        assert_eq!(jpx_pixels(&codestream[..12]), None);
        let boxed = [b"\0\0\0\x0cjP  \r\n\x87\n".as_slice(), &codestream].concat();
        assert_eq!(jpx_pixels(&boxed), Some(5_600_000_000));
    }
}
