//! Loading ONNX networks with tract and planning them for a concrete input
//! shape.
//!
//! The PaddleOCR exports carry internal shape annotations that contradict a
//! concrete input shape, so value-info and output shapes are ignored on load
//! and tract infers every shape itself.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use tract_onnx::prelude::*;

use crate::error::{OcrError, Result};

/// A runnable, optimised plan for one input shape.
pub type Plan = Arc<TypedRunnableModel>;

/// One network input exactly as the engine builds it. Public so that a
/// benchmark can time the network on it and hand the same values to another
/// runtime.
#[derive(Debug, Clone, PartialEq)]
pub struct NetworkInput {
    /// Shape, NCHW (for example `[1, 3, 1024, 1280]` or `[8, 3, 48, 320]`).
    pub shape: Vec<usize>,
    /// The shape the plan is built for; `None` marks an axis left symbolic.
    pub plan_shape: Vec<Option<usize>>,
    /// Values, row-major; as many as the product of `shape`.
    pub values: Vec<f32>,
}

/// An ONNX network with a cache of plans, one per input shape.
pub struct Network {
    /// Manifest name, for error messages.
    name: String,
    /// The parsed, unplanned network.
    model: InferenceModel,
    /// Plans built so far, keyed by input shape; `None` marks a symbolic axis.
    plans: Mutex<HashMap<Vec<Option<usize>>, Plan>>,
}

impl Network {
    /// Parses `onnx` bytes. `name` is used in error messages.
    pub fn load(name: &str, onnx: &[u8]) -> Result<Network> {
        let model = tract_onnx::onnx()
            .with_ignore_value_info(true)
            .with_ignore_output_shapes(true)
            .model_for_read(&mut &onnx[..])
            .map_err(|e| model_error(name, "cannot parse the ONNX file", e))?;
        Ok(Network {
            name: name.into(),
            model,
            plans: Mutex::new(HashMap::new()),
        })
    }

    /// The plan for input shape `shape` (NCHW); `None` entries become symbols
    /// (named "N", "C", "H", "W" by position). Built on first use, then reused.
    pub fn plan(&self, shape: &[Option<usize>]) -> Result<Plan> {
        if let Some(plan) = self.plans.lock().ok().and_then(|p| p.get(shape).cloned()) {
            return Ok(plan);
        }

        // Build the input fact, with a symbol for each open axis.
        let names = ["N", "C", "H", "W"];
        let dims: TVec<TDim> = shape
            .iter()
            .enumerate()
            .map(|(i, d)| match d {
                Some(n) => TDim::from(*n),
                None => self.model.sym(names.get(i).copied().unwrap_or("D")).into(),
            })
            .collect();
        let fact = InferenceFact::dt_shape(f32::datum_type(), dims);

        // Type, optimise and plan the network for that input.
        let plan = self
            .model
            .clone()
            .with_input_fact(0, fact)
            .and_then(|m| m.into_optimized())
            .and_then(|m| m.into_runnable())
            .map_err(|e| model_error(&self.name, &format!("cannot plan input {shape:?}"), e))?;
        log::debug!("{}: planned input shape {shape:?}", self.name);

        if let Ok(mut plans) = self.plans.lock() {
            plans.insert(shape.to_vec(), plan.clone());
        }
        Ok(plan)
    }

    /// Runs `input` through the plan for `plan_shape` (which may leave axes
    /// symbolic) and returns the first output's shape and values (row-major).
    pub fn run(
        &self,
        input: Tensor,
        plan_shape: &[Option<usize>],
    ) -> Result<(Vec<usize>, Vec<f32>)> {
        let plan = self.plan(plan_shape)?;
        let stage = stage_of(&self.name);
        let fail = |detail: String| OcrError::Inference { stage, detail };

        let outputs = plan
            .run(tvec!(input.into_tvalue()))
            .map_err(|e| fail(format!("{e:#}")))?;
        let output = outputs
            .first()
            .ok_or_else(|| fail("the network produced no output".into()))?;
        let values = output
            .try_as_plain_ram()
            .and_then(|view| view.as_slice::<f32>().map(<[f32]>::to_vec))
            .map_err(|e| fail(format!("unexpected output: {e:#}")))?;
        Ok((output.shape().to_vec(), values))
    }

    /// Runs `input` through the plan for its `plan_shape` and returns the
    /// first output's shape and values (row-major).
    pub fn run_input(&self, input: NetworkInput) -> Result<(Vec<usize>, Vec<f32>)> {
        let tensor = tensor_from(input.values, &input.shape, stage_of(&self.name))?;
        self.run(tensor, &input.plan_shape)
    }
}

/// The pipeline stage a network belongs to, for error messages.
fn stage_of(name: &str) -> &'static str {
    if name.starts_with("det") {
        "detection"
    } else {
        "recognition"
    }
}

/// A `Model` error with tract's full message chain.
fn model_error(name: &str, what: &str, e: impl std::fmt::Display) -> OcrError {
    OcrError::Model {
        name: name.into(),
        detail: format!("{what}: {e:#}"),
    }
}

/// A tensor of `shape` holding `data` (row-major); `stage` names the step in
/// the error if the two disagree.
pub fn tensor_from(data: Vec<f32>, shape: &[usize], stage: &'static str) -> Result<Tensor> {
    let len = data.len();
    tract_ndarray::ArrayD::from_shape_vec(shape, data)
        .map(Tensor::from)
        .map_err(|e| OcrError::Inference {
            stage,
            detail: format!("{len} values do not fill {shape:?}: {e}"),
        })
}
