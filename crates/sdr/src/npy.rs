//! Writing `f32` arrays as NumPy `.npy` files, for `sdr bench --dump`.
//!
//! Written by hand: the format (version 1.0) is a magic string, a header
//! length and a Python dict literal padded to 64 bytes, then the raw
//! little-endian values. A crate for it would bring an array library into
//! the command-line tool for these few lines.

use std::io::Write;
use std::path::Path;

use crate::error::CliError;

/// The header of a little-endian `f32` C-order array of `shape`, padded
/// with spaces to a multiple of 64 bytes (magic and length included) and
/// ending in a newline, as the format asks.
fn header(shape: &[usize]) -> Vec<u8> {
    // The shape as a Python tuple: "(3,)" for one axis, "(1, 3, 48, 320)".
    let dims: Vec<String> = shape.iter().map(usize::to_string).collect();
    let tuple = match dims.len() {
        1 => format!("({},)", dims[0]),
        _ => format!("({})", dims.join(", ")),
    };
    let mut dict = format!("{{'descr': '<f4', 'fortran_order': False, 'shape': {tuple}, }}");

    // Magic (6), version (2), header length (2), dict, padding, newline.
    let unpadded = 10 + dict.len() + 1;
    dict.push_str(&" ".repeat(unpadded.next_multiple_of(64) - unpadded));
    dict.push('\n');
    let mut bytes = b"\x93NUMPY\x01\x00".to_vec();
    bytes.extend_from_slice(&(dict.len() as u16).to_le_bytes());
    bytes.extend_from_slice(dict.as_bytes());
    bytes
}

/// Writes `values` (row-major, as many as the product of `shape`) to `path`.
pub fn write_f32(path: &Path, shape: &[usize], values: &[f32]) -> Result<(), CliError> {
    let fail = |e: std::io::Error| CliError::Output(format!("{}: {e}", path.display()));
    let expected: usize = shape.iter().product();
    if expected != values.len() {
        return Err(CliError::Output(format!(
            "{}: {} values do not fill shape {shape:?}",
            path.display(),
            values.len()
        )));
    }

    // Header, then the values in little-endian order.
    let file = std::fs::File::create(path).map_err(fail)?;
    let mut out = std::io::BufWriter::new(file);
    out.write_all(&header(shape)).map_err(fail)?;
    for value in values {
        out.write_all(&value.to_le_bytes()).map_err(fail)?;
    }
    out.flush().map_err(fail)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_is_padded_to_64_bytes_and_names_the_shape() {
        let bytes = header(&[8, 3, 48, 320]);
        assert_eq!(bytes.len() % 64, 0);
        assert_eq!(&bytes[..8], b"\x93NUMPY\x01\x00");
        let length = u16::from_le_bytes([bytes[8], bytes[9]]) as usize;
        assert_eq!(length, bytes.len() - 10);
        let dict = std::str::from_utf8(&bytes[10..]).unwrap();
        assert!(dict
            .starts_with("{'descr': '<f4', 'fortran_order': False, 'shape': (8, 3, 48, 320), }"));
        assert!(dict.ends_with(" \n"));
    }

    #[test]
    fn a_one_axis_shape_is_a_one_element_tuple() {
        let dict = String::from_utf8(header(&[5])[10..].to_vec()).unwrap();
        assert!(dict.contains("'shape': (5,)"), "{dict}");
    }

    #[test]
    fn values_follow_the_header_little_endian() {
        let dir = std::env::temp_dir().join(format!("sdr-npy-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("a.npy");
        write_f32(&path, &[2, 1], &[1.5, -2.0]).unwrap();
        let bytes = std::fs::read(&path).unwrap();
        let data = &bytes[bytes.len() - 8..];
        assert_eq!(
            data,
            [1.5f32.to_le_bytes(), (-2.0f32).to_le_bytes()].concat()
        );
        // The header is padded to a multiple of 64 bytes: 128 for this shape.
        assert_eq!(bytes.len(), 128 + 8);
        assert!(write_f32(&path, &[3], &[1.0]).is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
