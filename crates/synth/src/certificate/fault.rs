//! The faults the generator can plant, each named after what it does and
//! tied to the rule ids of `rules.json` it should trip.

use std::fmt;
use std::str::FromStr;

use review::template::Template;

use crate::request::Degradation;
use crate::SynthError;

/// One planted fault.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Fault {
    /// The consignee is not printed (P1).
    MissingConsignee,
    /// The destination reads "HONG KONG" (P2).
    WrongDestination,
    /// No Chinese text is printed (P3).
    MissingChinese,
    /// Page 2's footer carries another certificate number (P4; multi-page only).
    PageNumberMismatch,
    /// The certificate number does not match the template's pattern (F1).
    BadNumber,
    /// A container number has a wrong ISO 6346 check digit (F3).
    BadCheckDigit,
    /// The HS code is outside the template's headings (F5).
    HsOutsideHeadings,
    /// A date that cannot exist, e.g. month 13 (F6).
    BadDate,
    /// The origin country is not the template's (F7).
    WrongCountry,
    /// Production after the issue date (D1).
    ProductionAfterIssue,
    /// Issued after the goods left (D2).
    IssuedAfterDeparture,
    /// Departure too long after issue (D3).
    LateDeparture,
    /// An old template version used after its cut-over (D5; ids with two versions).
    OutdatedTemplate,
    /// Production before the establishment was listed (D6).
    BeforeListing,
    /// Production while the establishment was suspended (D7, R1).
    DuringSuspension,
    /// Net weight above gross weight (C1).
    NetOverGross,
    /// Goods lines do not add up to the totals (C2; templates with a goods table).
    ItemsSumMismatch,
    /// The species does not fit the HS code (C3).
    SpeciesHsMismatch,
    /// Mode "AIR" with containers and a vessel (C4).
    TransportMismatch,
    /// A required attestation is left out (C5).
    MissingAttestation,
    /// The declaration names another consignee (M1).
    ConsigneeMismatch,
    /// The declaration lists another container (M2).
    ContainerMismatch,
    /// A declared seal has two digits transposed (M3).
    SealMismatch,
    /// The declared net weight differs (M4).
    WeightMismatch,
    /// More packages declared than certified (M5).
    PackageMismatch,
    /// The declaration gives another origin (M6).
    OriginMismatch,
    /// The establishment is not in the register (R1).
    UnlistedEstablishment,
    /// The declaration gives another establishment (R2).
    RegistrationMismatch,
    /// The signatory is not in the register (R3).
    UnknownSignatory,
    /// The signatory's authorisation had ended on the issue date (R3).
    ExpiredSignatory,
    /// The stamp belongs to another authority (S1).
    ForeignStamp,
    /// The signature is a pixel copy of the specimen (S2).
    CopiedSignature,
    /// The QR record disagrees with the printed fields (S3; QR templates only).
    QrMismatch,
    /// A date covered with correction fluid and retyped larger (S4).
    EditedDate,
    /// A large grey diagonal "COPY" (S4).
    CopyMark,
}

impl Fault {
    /// Every fault, in catalogue order.
    pub const ALL: [Fault; 35] = [
        Fault::MissingConsignee,
        Fault::WrongDestination,
        Fault::MissingChinese,
        Fault::PageNumberMismatch,
        Fault::BadNumber,
        Fault::BadCheckDigit,
        Fault::HsOutsideHeadings,
        Fault::BadDate,
        Fault::WrongCountry,
        Fault::ProductionAfterIssue,
        Fault::IssuedAfterDeparture,
        Fault::LateDeparture,
        Fault::OutdatedTemplate,
        Fault::BeforeListing,
        Fault::DuringSuspension,
        Fault::NetOverGross,
        Fault::ItemsSumMismatch,
        Fault::SpeciesHsMismatch,
        Fault::TransportMismatch,
        Fault::MissingAttestation,
        Fault::ConsigneeMismatch,
        Fault::ContainerMismatch,
        Fault::SealMismatch,
        Fault::WeightMismatch,
        Fault::PackageMismatch,
        Fault::OriginMismatch,
        Fault::UnlistedEstablishment,
        Fault::RegistrationMismatch,
        Fault::UnknownSignatory,
        Fault::ExpiredSignatory,
        Fault::ForeignStamp,
        Fault::CopiedSignature,
        Fault::QrMismatch,
        Fault::EditedDate,
        Fault::CopyMark,
    ];

    /// Kebab-case name, e.g. `bad-check-digit`.
    pub fn name(self) -> &'static str {
        match self {
            Fault::MissingConsignee => "missing-consignee",
            Fault::WrongDestination => "wrong-destination",
            Fault::MissingChinese => "missing-chinese",
            Fault::PageNumberMismatch => "page-number-mismatch",
            Fault::BadNumber => "bad-number",
            Fault::BadCheckDigit => "bad-check-digit",
            Fault::HsOutsideHeadings => "hs-outside-headings",
            Fault::BadDate => "bad-date",
            Fault::WrongCountry => "wrong-country",
            Fault::ProductionAfterIssue => "production-after-issue",
            Fault::IssuedAfterDeparture => "issued-after-departure",
            Fault::LateDeparture => "late-departure",
            Fault::OutdatedTemplate => "outdated-template",
            Fault::BeforeListing => "before-listing",
            Fault::DuringSuspension => "during-suspension",
            Fault::NetOverGross => "net-over-gross",
            Fault::ItemsSumMismatch => "items-sum-mismatch",
            Fault::SpeciesHsMismatch => "species-hs-mismatch",
            Fault::TransportMismatch => "transport-mismatch",
            Fault::MissingAttestation => "missing-attestation",
            Fault::ConsigneeMismatch => "consignee-mismatch",
            Fault::ContainerMismatch => "container-mismatch",
            Fault::SealMismatch => "seal-mismatch",
            Fault::WeightMismatch => "weight-mismatch",
            Fault::PackageMismatch => "package-mismatch",
            Fault::OriginMismatch => "origin-mismatch",
            Fault::UnlistedEstablishment => "unlisted-establishment",
            Fault::RegistrationMismatch => "registration-mismatch",
            Fault::UnknownSignatory => "unknown-signatory",
            Fault::ExpiredSignatory => "expired-signatory",
            Fault::ForeignStamp => "foreign-stamp",
            Fault::CopiedSignature => "copied-signature",
            Fault::QrMismatch => "qr-mismatch",
            Fault::EditedDate => "edited-date",
            Fault::CopyMark => "copy-mark",
        }
    }

    /// The rule ids this fault should trip.
    pub fn rules(self) -> &'static [&'static str] {
        match self {
            Fault::MissingConsignee => &["P1"],
            Fault::WrongDestination => &["P2"],
            Fault::MissingChinese => &["P3"],
            Fault::PageNumberMismatch => &["P4"],
            Fault::BadNumber => &["F1"],
            Fault::BadCheckDigit => &["F3"],
            Fault::HsOutsideHeadings => &["F5"],
            Fault::BadDate => &["F6"],
            Fault::WrongCountry => &["F7"],
            Fault::ProductionAfterIssue => &["D1"],
            Fault::IssuedAfterDeparture => &["D2"],
            Fault::LateDeparture => &["D3"],
            Fault::OutdatedTemplate => &["D5"],
            Fault::BeforeListing => &["D6"],
            Fault::DuringSuspension => &["D7", "R1"],
            Fault::NetOverGross => &["C1"],
            Fault::ItemsSumMismatch => &["C2"],
            Fault::SpeciesHsMismatch => &["C3"],
            Fault::TransportMismatch => &["C4"],
            Fault::MissingAttestation => &["C5"],
            Fault::ConsigneeMismatch => &["M1"],
            Fault::ContainerMismatch => &["M2"],
            Fault::SealMismatch => &["M3"],
            Fault::WeightMismatch => &["M4"],
            Fault::PackageMismatch => &["M5"],
            Fault::OriginMismatch => &["M6"],
            Fault::UnlistedEstablishment => &["R1"],
            Fault::RegistrationMismatch => &["R2"],
            Fault::UnknownSignatory | Fault::ExpiredSignatory => &["R3"],
            Fault::ForeignStamp => &["S1"],
            Fault::CopiedSignature => &["S2"],
            Fault::QrMismatch => &["S3"],
            Fault::EditedDate | Fault::CopyMark => &["S4"],
        }
    }

    /// Whether the fault can still be seen on a page spoiled by
    /// `degradation`. A fax thresholds the page to black and white: the
    /// correction-fluid patch under a retyped date (full white on light grey
    /// paper) and the light grey "COPY" overprint (about 184 of 255 after
    /// printing, against a fax threshold of at most 164) both come out as
    /// plain paper, and the retyped date's larger size (about 1.22 times its
    /// peers) is within the spread of genuine values, so S4 has nothing to
    /// find.
    pub fn visible_after(self, degradation: Degradation) -> bool {
        !matches!(
            (self, degradation),
            (Fault::EditedDate | Fault::CopyMark, Degradation::Fax)
        )
    }

    /// Whether the template's layout allows the fault (multi-page for P4, a
    /// goods table for C2, two versions for D5...). Whether the registers
    /// allow it (a suspended establishment, an expired signatory) is found
    /// out by `generate`, which then returns `SynthError::FaultNotPossible`.
    pub fn applies_to(self, template: &Template) -> bool {
        let has = |name: &str| template.fields.iter().any(|f| f.name == name);
        let has_zh = template.languages.iter().any(|l| l == "zh");
        match self {
            Fault::MissingConsignee => has("consignee"),
            Fault::WrongDestination => has("destination"),
            Fault::MissingChinese => has_zh,
            Fault::PageNumberMismatch => template.pages > 1 && template.footer.is_some(),
            Fault::BadCheckDigit | Fault::ContainerMismatch => has("containers"),
            Fault::SealMismatch => has("containers") && has("seals"),
            Fault::TransportMismatch => has("transport_mode") && has("containers"),
            Fault::OriginMismatch | Fault::WrongCountry => has("origin_country"),
            Fault::ItemsSumMismatch => template.items.is_some(),
            Fault::SpeciesHsMismatch => has("species") && template.product.species.is_some(),
            Fault::MissingAttestation => template.attestations.iter().any(|a| a.required),
            Fault::QrMismatch => template.security.qr.is_some(),
            Fault::OutdatedTemplate => template.validity.to.is_some(),
            Fault::BeforeListing | Fault::DuringSuspension => has("establishments"),
            Fault::UnlistedEstablishment | Fault::RegistrationMismatch => has("establishments"),
            Fault::ProductionAfterIssue => has("production_date") && has("issue_date"),
            Fault::IssuedAfterDeparture | Fault::LateDeparture => {
                has("departure_date") && has("issue_date")
            }
            Fault::EditedDate => has("issue_date") || has("departure_date"),
            _ => true,
        }
    }
}

impl fmt::Display for Fault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Fault {
    type Err = SynthError;

    fn from_str(s: &str) -> Result<Fault, SynthError> {
        let wanted = s.trim();
        Fault::ALL
            .into_iter()
            .find(|f| f.name() == wanted)
            .ok_or_else(|| SynthError::UnknownFault {
                name: wanted.to_string(),
            })
    }
}

impl serde::Serialize for Fault {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

impl<'de> serde::Deserialize<'de> for Fault {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Fault, D::Error> {
        let name = String::deserialize(deserializer)?;
        name.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_are_unique() {
        for fault in Fault::ALL {
            assert_eq!(fault.name().parse::<Fault>().ok(), Some(fault));
            assert!(!fault.rules().is_empty());
        }
        let mut names: Vec<&str> = Fault::ALL.iter().map(|f| f.name()).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), Fault::ALL.len());
        assert!("month-13".parse::<Fault>().is_err());
    }

    #[test]
    fn a_fax_hides_copy_marks_and_retyped_dates_only() {
        assert!(!Fault::CopyMark.visible_after(Degradation::Fax));
        assert!(!Fault::EditedDate.visible_after(Degradation::Fax));
        assert!(Fault::CopyMark.visible_after(Degradation::Photo));
        assert!(Fault::EditedDate.visible_after(Degradation::Clean));
        assert!(Fault::SealMismatch.visible_after(Degradation::Fax));
    }
}
