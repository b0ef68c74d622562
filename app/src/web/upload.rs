//! A file from a multipart form post (the photo, a logbook), read within its limit. The server's body limit
//! (`server/src/limits.rs`) marks a body whose declared length is over the limit (`DeclaredTooLarge`: it is not
//! read at all) and counts the bytes of one without a declared length (`BodyMeter`: cut off a little past the
//! limit, so the message can still say how large the file was).

use leptos::server_fn::codec::MultipartData;

/// Set by the server's body limit when the declared length is over it: the body is not read at all.
#[derive(Debug, Clone, Copy)]
pub struct DeclaredTooLarge(pub u64);

/// Room for the multipart framing around the file: a declared length may be this much over the file limit.
pub const FRAMING_BYTES: u64 = 16 * 1024;

/// A body of unknown length is read this far past the file limit before it is cut off.
pub const fn stream_cap(max_bytes: u64) -> u64 {
    max_bytes + 1024 * 1024
}

/// Counts the bytes of an upload's body as the server's limit lets them through; the limit ends the body at
/// `stream_cap`. The multipart reader then sees a cut-off form, and this says why.
#[derive(Debug, Clone, Default)]
pub struct BodyMeter(pub std::sync::Arc<std::sync::atomic::AtomicU64>);

impl BodyMeter {
    pub fn bytes(&self) -> u64 {
        self.0.load(std::sync::atomic::Ordering::Relaxed)
    }
}

/// Why no file came.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unread {
    Missing,
    TooLarge {
        bytes: u64,
    },
    /// The upload stopped part-way (connection lost, or a form that is not ours).
    Interrupted,
}

/// The file in `field` of the request, at most `max_bytes`: refused unread when its declared length is over the
/// limit, and too large (however the reader saw the end) when the limit cut it off.
pub async fn receive(
    data: MultipartData,
    parts: &http::request::Parts,
    field: &str,
    max_bytes: u64,
) -> Result<Vec<u8>, Unread> {
    if let Some(DeclaredTooLarge(bytes)) = parts.extensions.get::<DeclaredTooLarge>() {
        // The server's limit took the body away (and drains it): `data` is empty.
        // The file is the request less a few hundred bytes of multipart framing.
        return Err(Unread::TooLarge {
            bytes: bytes.saturating_sub(512).max(max_bytes + 1),
        });
    }
    match read_field(data, field, max_bytes).await {
        Err(_)
            if parts
                .extensions
                .get::<BodyMeter>()
                .is_some_and(|m| m.bytes() > stream_cap(max_bytes)) =>
        {
            Err(Unread::TooLarge {
                bytes: stream_cap(max_bytes),
            })
        }
        other => other,
    }
}

/// Refused bodies still being sent are read and thrown away after the answer, so the browser sees the answer
/// (closing on unread data resets the connection, and Chromium then retries the post). At most this many at
/// once: past that a refused connection is simply closed, so refusals cannot pile up tasks.
pub static DRAINS: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(32);

/// One parameter of an upload address's query (`?id=...&then=...`), percent-decoded as a browser encodes a form's
/// action (`then=applications%2F...`); the first of its name wins.
pub fn query_param(query: &str, name: &str) -> Option<String> {
    serde_urlencoded::from_str::<Vec<(String, String)>>(query)
        .ok()?
        .into_iter()
        .find(|(key, _)| key == name)
        .map(|(_, value)| value)
}

/// Reads a refused upload to its end in the background, within `DRAINS`; nothing is kept.
pub fn drain_later(data: MultipartData) {
    let Ok(permit) = DRAINS.try_acquire() else {
        return;
    };
    if let Some(mut multipart) = data.into_inner() {
        tokio::spawn(async move {
            let _permit = permit;
            let drain = async {
                while let Ok(Some(mut field)) = multipart.next_field().await {
                    while let Ok(Some(_)) = field.chunk().await {}
                }
            };
            let _ = tokio::time::timeout(std::time::Duration::from_secs(180), drain).await;
        });
    }
}

/// The file's bytes: at most `max_bytes` are kept; past that, the rest is only counted, so the message can say
/// how large the file was (the server's body limit ends the request soon after).
async fn read_field(data: MultipartData, name: &str, max_bytes: u64) -> Result<Vec<u8>, Unread> {
    let mut multipart = data.into_inner().ok_or(Unread::Interrupted)?;
    let mut file = Err(Unread::Missing);
    loop {
        match multipart.next_field().await {
            Ok(Some(field)) if field.name() == Some(name) => file = read_file(field, max_bytes).await,
            Ok(Some(_)) => {}
            Ok(None) => return file,
            Err(_) => {
                return match file {
                    Err(Unread::TooLarge { .. }) => file,
                    _ => Err(Unread::Interrupted),
                }
            }
        }
    }
}

async fn read_file(mut field: multer::Field<'static>, max_bytes: u64) -> Result<Vec<u8>, Unread> {
    let mut bytes = Vec::new();
    let mut total = 0u64;
    let complete = loop {
        match field.chunk().await {
            Ok(Some(chunk)) => {
                total += chunk.len() as u64;
                if total <= max_bytes {
                    bytes.extend_from_slice(&chunk);
                }
            }
            Ok(None) => break true,
            Err(_) => break false,
        }
    };
    if total > max_bytes {
        Err(Unread::TooLarge { bytes: total })
    } else if !complete {
        Err(Unread::Interrupted)
    } else if total == 0 {
        Err(Unread::Missing)
    } else {
        Ok(bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_parameters_are_decoded() {
        let query = "from=account&then=applications%2Fabc%2Fphoto&id=12+3";
        assert_eq!(query_param(query, "then").as_deref(), Some("applications/abc/photo"));
        assert_eq!(query_param(query, "from").as_deref(), Some("account"));
        assert_eq!(query_param(query, "id").as_deref(), Some("12 3"));
        assert_eq!(query_param(query, "none"), None);
        assert_eq!(query_param("", "id"), None);
    }
}
