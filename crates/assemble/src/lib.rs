//! Assembly of events. (stub)
