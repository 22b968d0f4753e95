//! Fair choice of one fault per faulty certificate in a generated set: the
//! fault used least so far among those the template allows, so that faults
//! few templates take (a QR code, two versions, a page footer) are planted
//! as often as the rest.

use std::collections::BTreeMap;

use review::template::Template;
use review::DataSet;

use super::{plantable, CertificateRequest, Fault};
use crate::SynthError;

/// How often each fault has been planted so far in a set.
#[derive(Clone, Debug, Default)]
pub struct FaultRotation {
    used: BTreeMap<Fault, usize>,
}

impl FaultRotation {
    /// A rotation with no fault used yet.
    pub fn new() -> FaultRotation {
        FaultRotation::default()
    }

    /// The faults that apply to at least one of `versions` (the versions of
    /// one template id), least used first, ties in `Fault::ALL` order. The
    /// caller tries them in turn and records the first one it plants.
    pub fn candidates(&self, versions: &[&Template]) -> Vec<Fault> {
        let mut faults: Vec<(usize, usize, Fault)> = Fault::ALL
            .iter()
            .enumerate()
            .filter(|(_, f)| versions.iter().any(|t| f.applies_to(t)))
            .map(|(order, &f)| (self.count(f), order, f))
            .collect();
        faults.sort_unstable();
        faults.into_iter().map(|(_, _, f)| f).collect()
    }

    /// Chooses the fault to plant on `request` (its own `faults` are
    /// ignored): the least used of the faults this template id allows that
    /// can be planted with the request's seed, recorded as used. `Ok(None)`
    /// when none can; other errors (an unknown template) are passed on.
    pub fn choose(
        &mut self,
        data: &DataSet,
        request: &CertificateRequest,
    ) -> Result<Option<Fault>, SynthError> {
        let versions: Vec<&Template> = data
            .templates
            .iter()
            .filter(|t| t.id == request.template)
            .collect();
        let mut trial = request.clone();
        for fault in self.candidates(&versions) {
            trial.faults = vec![fault];
            match plantable(data, &trial) {
                Ok(()) => {
                    self.record(fault);
                    return Ok(Some(fault));
                }
                Err(SynthError::FaultNotPossible { .. }) => continue,
                Err(e) => return Err(e),
            }
        }
        Ok(None)
    }

    /// Records that `fault` was planted once more.
    pub fn record(&mut self, fault: Fault) {
        *self.used.entry(fault).or_default() += 1;
    }

    /// How many times `fault` was planted so far.
    pub fn count(&self, fault: Fault) -> usize {
        self.used.get(&fault).copied().unwrap_or(0)
    }
}
