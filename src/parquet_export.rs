//! `sitrep export --format parquet`: incidents as one Parquet table (flat columns, dates
//! as Parquet DATE, Snappy-compressed, row groups of 16,384 incidents), for analysis in
//! pandas, R, DuckDB or Spark.

use std::io::Write;
use std::sync::Arc;

use parquet::basic::Compression;
use parquet::data_type::{ByteArray, ByteArrayType, DoubleType, Int32Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;
use parquet::schema::types::Type;
use sitrep_store::{Filter, Page, Store, StoredIncident};

const SCHEMA: &str = "
message incident {
  REQUIRED BYTE_ARRAY incident (UTF8);
  OPTIONAL INT32 date (DATE);
  OPTIONAL INT32 date_end (DATE);
  REQUIRED BYTE_ARRAY event_type (UTF8);
  REQUIRED BYTE_ARRAY sub_event_type (UTF8);
  OPTIONAL BYTE_ARRAY actor1 (UTF8);
  OPTIONAL BYTE_ARRAY actor2 (UTF8);
  OPTIONAL BYTE_ARRAY country (UTF8);
  OPTIONAL BYTE_ARRAY admin1 (UTF8);
  OPTIONAL BYTE_ARRAY location (UTF8);
  OPTIONAL DOUBLE latitude;
  OPTIONAL DOUBLE longitude;
  REQUIRED INT32 geo_precision;
  REQUIRED INT32 fatalities_low;
  REQUIRED INT32 fatalities_best;
  REQUIRED INT32 fatalities_high;
  REQUIRED INT32 injuries;
  REQUIRED BYTE_ARRAY sources (UTF8);
}";

/// One column's values: present values and a definition level per row.
enum Column {
    Text(Vec<Option<String>>),
    Int(Vec<Option<i32>>),
    Float(Vec<Option<f64>>),
}

fn days_since_epoch(d: jiff::civil::Date) -> Option<i32> {
    let epoch = jiff::civil::date(1970, 1, 1);
    epoch.until(d).ok().map(|s| s.get_days())
}

fn columns(incidents: &[StoredIncident]) -> Vec<Column> {
    let text = |f: &dyn Fn(&StoredIncident) -> Option<String>| {
        Column::Text(incidents.iter().map(f).collect())
    };
    let int =
        |f: &dyn Fn(&StoredIncident) -> Option<i32>| Column::Int(incidents.iter().map(f).collect());
    let loc = |i: &StoredIncident| i.event.location.clone().unwrap_or_default();
    vec![
        text(&|i| Some(i.id.clone())),
        int(&|i| i.event.date.and_then(days_since_epoch)),
        int(&|i| i.event.date_end.and_then(days_since_epoch)),
        text(&|i| {
            Some(
                serde_json::to_value(i.event.event_type)
                    .ok()?
                    .as_str()?
                    .to_string(),
            )
        }),
        text(&|i| Some(i.event.sub_event_type.label().to_string())),
        text(&|i| i.event.actor1.clone()),
        text(&|i| i.event.actor2.clone()),
        text(&|i| loc(i).country),
        text(&|i| loc(i).admin1),
        text(&|i| i.event.location.as_ref().map(|l| l.name.clone())),
        Column::Float(incidents.iter().map(|i| loc(i).lat).collect()),
        Column::Float(incidents.iter().map(|i| loc(i).lon).collect()),
        int(&|i| Some(i32::from(loc(i).geo_precision))),
        int(&|i| Some(i.fatalities_low as i32)),
        int(&|i| Some(i.fatalities_best as i32)),
        int(&|i| Some(i.fatalities_high as i32)),
        int(&|i| Some(i.event.injuries as i32)),
        text(&|i| Some(i.sources.join(";"))),
    ]
}

fn split<T: Clone>(values: &[Option<T>]) -> (Vec<T>, Vec<i16>) {
    let present = values.iter().flatten().cloned().collect();
    let levels = values.iter().map(|v| i16::from(v.is_some())).collect();
    (present, levels)
}

/// Incidents per row group: a group is built in memory, then compressed.
const ROW_GROUP: usize = 16_384;

/// Every incident of `store` as a Parquet file (built in memory, compressed, then
/// written to `out`), read from the store one row group at a time; returns the number
/// of incidents.
pub fn write_parquet(store: &Store, out: &mut dyn Write) -> anyhow::Result<u64> {
    let schema = Arc::new(parse_message_type(SCHEMA)?);
    let props = Arc::new(
        WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .build(),
    );
    let mut buf = Vec::new();
    let mut writer = SerializedFileWriter::new(&mut buf, schema.clone(), props)?;
    let mut batch: Vec<StoredIncident> = Vec::with_capacity(ROW_GROUP);
    let mut groups = 0usize;
    let n = store.for_each_incident(&Filter::default(), &Page::all(), |inc| {
        batch.push(inc);
        if batch.len() == ROW_GROUP {
            write_group(&mut writer, &schema, &batch)?;
            batch.clear();
            groups += 1;
        }
        anyhow::Ok(())
    })?;
    // The last partial group; an empty store still gets one (empty) group.
    if !batch.is_empty() || groups == 0 {
        write_group(&mut writer, &schema, &batch)?;
    }
    writer.close()?;
    out.write_all(&buf)?;
    Ok(n)
}

/// Writes `incidents` as one row group.
fn write_group<W: Write + Send>(
    writer: &mut SerializedFileWriter<W>,
    schema: &Arc<Type>,
    incidents: &[StoredIncident],
) -> anyhow::Result<()> {
    let mut group = writer.next_row_group()?;
    let fields = schema.get_fields();
    for (column, field) in columns(incidents).into_iter().zip(fields) {
        let Some(mut w) = group.next_column()? else {
            break;
        };
        let required = field.get_basic_info().repetition() == parquet::basic::Repetition::REQUIRED;
        match column {
            Column::Text(v) => {
                let (vals, levels) = split(&v);
                let vals: Vec<ByteArray> = vals
                    .into_iter()
                    .map(|s| ByteArray::from(s.into_bytes()))
                    .collect();
                let levels = (!required).then_some(levels);
                w.typed::<ByteArrayType>()
                    .write_batch(&vals, levels.as_deref(), None)?;
            }
            Column::Int(v) => {
                let (vals, levels) = split(&v);
                let levels = (!required).then_some(levels);
                w.typed::<Int32Type>()
                    .write_batch(&vals, levels.as_deref(), None)?;
            }
            Column::Float(v) => {
                let (vals, levels) = split(&v);
                let levels = (!required).then_some(levels);
                w.typed::<DoubleType>()
                    .write_batch(&vals, levels.as_deref(), None)?;
            }
        }
        w.close()?;
    }
    group.close()?;
    Ok(())
}
