//! Offline gazetteer and resolver. (stub: replaced by the real implementation)
