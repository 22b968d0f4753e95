//! `FaultRotation` over the repository's templates: a set generated like
//! `sdr synth --template all --count 300 --faults random` plants every fault
//! about equally often, rare ones (a QR code, two versions, a page footer)
//! included, without rendering a page.

use std::collections::BTreeSet;

mod common;

use review::DataSet;
use synth::certificate::{plantable, CertificateRequest, Fault, FaultRotation};

/// The repository's templates, rules and registers.
fn data() -> DataSet {
    common::repository_data()
}

#[test]
fn three_hundred_certificates_plant_every_fault_at_least_five_times() {
    let data = data();
    let ids: Vec<String> = data
        .templates
        .iter()
        .map(|t| t.id.clone())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let mut rotation = FaultRotation::new();
    let mut faulty = 0;
    for i in 0..300u64 {
        // Three certificates in five carry a fault, as with `--faults random`.
        if i % 5 < 2 {
            continue;
        }
        let id = &ids[i as usize % ids.len()];
        let request = CertificateRequest::new(id, 4242 * 1_000_003 + i);
        let fault = rotation
            .choose(&data, &request)
            .expect("a known template")
            .unwrap_or_else(|| panic!("{id}: no fault can be planted"));
        // The chosen fault really can be planted with this seed.
        let mut planted = request.clone();
        planted.faults = vec![fault];
        assert!(plantable(&data, &planted).is_ok(), "{id}: {fault}");
        faulty += 1;
    }
    assert_eq!(faulty, 180);
    let counts: Vec<(Fault, usize)> = Fault::ALL.iter().map(|&f| (f, rotation.count(f))).collect();
    assert_eq!(counts.iter().map(|c| c.1).sum::<usize>(), 180);
    for (fault, n) in &counts {
        assert!(*n >= 5, "{fault} planted {n} times: {counts:?}");
    }
    // Among the rare ones: the QR code, the old version, the page footer.
    for rare in [
        Fault::QrMismatch,
        Fault::OutdatedTemplate,
        Fault::PageNumberMismatch,
    ] {
        assert!(rotation.count(rare) >= 5, "{rare}");
    }
}

#[test]
fn candidates_put_the_least_used_first_in_catalogue_order() {
    let data = data();
    let nl: Vec<_> = data
        .templates
        .iter()
        .filter(|t| t.id == "NL-PORK")
        .collect();
    let mut rotation = FaultRotation::new();
    let first = rotation.candidates(&nl);
    // NL-PORK has a QR code, two versions and a footer: every fault applies.
    assert_eq!(first.len(), Fault::ALL.len());
    assert_eq!(first[0], Fault::MissingConsignee);
    rotation.record(Fault::MissingConsignee);
    rotation.record(Fault::WrongDestination);
    let next = rotation.candidates(&nl);
    assert_eq!(next[0], Fault::MissingChinese);
    assert_eq!(
        next[next.len() - 2..],
        [Fault::MissingConsignee, Fault::WrongDestination]
    );
    // A one-page template without a QR code never gets the page or QR faults.
    let au = data
        .templates
        .iter()
        .filter(|t| t.id == "AU-AQUA")
        .collect::<Vec<_>>();
    let faults = rotation.candidates(&au);
    assert!(!faults.contains(&Fault::PageNumberMismatch));
    assert!(!faults.contains(&Fault::QrMismatch));
    assert!(!faults.contains(&Fault::OutdatedTemplate));
}
