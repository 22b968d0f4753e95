//! The text a certificate's QR code carries: the electronic record's key
//! fields, so that the paper can be compared with the record (rule S3).
//!
//! Format, one line, `|`-separated: `ECERT1|<country>|<certificate number>|
//! <issue date ISO>|<net weight kg>|<containers comma-joined>`, e.g.
//! `ECERT1|NL|123456789|2026-03-05|24560|CSQU3054383`.

use serde::{Deserialize, Serialize};

/// The fields an electronic-certificate QR code carries.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ECertPayload {
    /// Issuing country, ISO 3166-1 alpha-2.
    pub country: String,
    /// Certificate number, canonical form.
    pub number: String,
    /// Issue date, `YYYY-MM-DD`.
    pub issue_date: String,
    /// Net weight in kilograms, canonical form.
    pub net_weight: String,
    /// Container numbers, canonical form (`,`-joined).
    pub containers: String,
}

/// The marker that starts a payload.
const MAGIC: &str = "ECERT1";

impl ECertPayload {
    /// The QR text.
    pub fn encode(&self) -> String {
        format!(
            "{MAGIC}|{}|{}|{}|{}|{}",
            self.country, self.number, self.issue_date, self.net_weight, self.containers
        )
    }

    /// Reads a QR text; `None` when it is not a payload of this format.
    pub fn decode(text: &str) -> Option<ECertPayload> {
        let parts: Vec<&str> = text.trim().split('|').collect();
        match parts.as_slice() {
            [MAGIC, country, number, issue_date, net_weight, containers] => Some(ECertPayload {
                country: country.to_string(),
                number: number.to_string(),
                issue_date: issue_date.to_string(),
                net_weight: net_weight.to_string(),
                containers: containers.to_string(),
            }),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payload_round_trips_and_rejects_other_text() {
        let p = ECertPayload {
            country: "NL".into(),
            number: "123456789".into(),
            issue_date: "2026-03-05".into(),
            net_weight: "24560".into(),
            containers: "CSQU3054383,MSKU1234565".into(),
        };
        let text = p.encode();
        assert_eq!(
            text,
            "ECERT1|NL|123456789|2026-03-05|24560|CSQU3054383,MSKU1234565"
        );
        assert_eq!(ECertPayload::decode(&text), Some(p));
        assert_eq!(ECertPayload::decode("https://example.org/cert/1"), None);
        assert_eq!(ECertPayload::decode("ECERT1|NL|1"), None);
    }
}
