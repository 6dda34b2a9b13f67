//! SSHSIG signatures (OpenSSH `PROTOCOL.sshsig`), read with a named reason for everything
//! docket refuses: malformed armor or blob, RSA with SHA-1 (`ssh-rsa`), keys of a kind the
//! roster would not accept. The cryptography is RustCrypto's `ssh-key`; this module only
//! walks the blob far enough to name what is wrong before handing it over.

use base64::Engine;
use ssh_key::{HashAlg, SshSig};

/// A parsed signature, ready to verify.
#[derive(Debug, Clone)]
pub struct Signature {
    /// The namespace it was made for.
    pub namespace: String,
    sig: SshSig,
}

const BEGIN: &str = "-----BEGIN SSH SIGNATURE-----";
const END: &str = "-----END SSH SIGNATURE-----";

impl Signature {
    /// Parses an armored signature (`-----BEGIN SSH SIGNATURE-----`); the error says what is
    /// wrong with it.
    /// The bare base64 blob (as `approvals.toml` keeps it) is accepted as well.
    pub fn parse(armored: &str) -> Result<Signature, String> {
        let text = armored.trim();
        let body = match text.strip_prefix(BEGIN) {
            Some(rest) => rest.strip_suffix(END).ok_or_else(|| {
                format!("its signature is malformed: expected an armored SSH signature ({BEGIN} ... {END})")
            })?,
            None => text,
        };
        let b64: String = body.chars().filter(|c| !c.is_whitespace()).collect();
        if b64.is_empty() {
            return Err("its signature is malformed: it is empty".to_string());
        }
        let blob = base64::engine::general_purpose::STANDARD
            .decode(b64.as_bytes())
            .map_err(|e| format!("its signature is malformed: not base64 ({e})"))?;
        let fields = Blob::read(&blob)
            .ok_or_else(|| "its signature is malformed: not an SSHSIG blob".to_string())?;
        if fields.sig_algorithm == b"ssh-rsa" {
            return Err(
                "its signature is RSA with SHA-1 (ssh-rsa), which docket refuses: sign with \
                 rsa-sha2-256 or rsa-sha2-512 (any current ssh-keygen does)"
                    .to_string(),
            );
        }
        let sig = SshSig::from_pem(armor(&b64).as_bytes())
            .map_err(|e| format!("its signature is malformed: {e}"))?;
        // One encoding only: a blob that decodes to the same signature but is not the bytes
        // it re-encodes to was altered (the decoder forgives, say, a length prefix).
        let canonical = sig
            .to_pem(ssh_key::LineEnding::LF)
            .map(|pem| bare(&pem))
            .map_err(|e| format!("its signature is malformed: {e}"))?;
        if canonical != b64 {
            return Err(
                "its signature is malformed: its bytes are not the canonical encoding of the \
                 signature they decode to (altered)"
                    .to_string(),
            );
        }
        super::roster::check_algorithm(sig.public_key())
            .map_err(|why| format!("its signature's key is refused: {why}"))?;
        Ok(Signature {
            namespace: sig.namespace().to_string(),
            sig,
        })
    }

    /// The signing key's fingerprint, `SHA256:...`.
    pub fn fingerprint(&self) -> String {
        self.sig
            .public_key()
            .fingerprint(HashAlg::Sha256)
            .to_string()
    }

    /// The signing key, as OpenSSH writes it.
    pub fn key(&self) -> String {
        super::roster::openssh_line(&ssh_key::PublicKey::from(self.sig.public_key().clone()))
    }

    /// Whether it signs `message` in its namespace with its own key.
    pub fn verify(&self, message: &[u8]) -> Result<(), String> {
        let key = ssh_key::PublicKey::from(self.sig.public_key().clone());
        key.verify(&self.namespace, message, &self.sig)
            .map_err(|e| e.to_string())
    }
}

/// The blob of an armored signature as one base64 line (how `approvals.toml` keeps it).
pub fn bare(armored: &str) -> String {
    let text = armored.trim();
    let body = text
        .strip_prefix(BEGIN)
        .and_then(|rest| rest.strip_suffix(END))
        .unwrap_or(text);
    body.chars().filter(|c| !c.is_whitespace()).collect()
}

/// A bare base64 blob armored as `ssh-keygen` writes it (70-column lines).
pub fn armor(bare: &str) -> String {
    let mut out = String::from(BEGIN);
    out.push('\n');
    let bytes = bare.as_bytes();
    for chunk in bytes.chunks(70) {
        out.push_str(&String::from_utf8_lossy(chunk));
        out.push('\n');
    }
    out.push_str(END);
    out.push('\n');
    out
}

/// The SSHSIG blob's fields docket looks at before the full parse.
struct Blob<'a> {
    sig_algorithm: &'a [u8],
}

impl<'a> Blob<'a> {
    /// `"SSHSIG" u32 version, string publickey, string namespace, string reserved, string
    /// hash_algorithm, string signature` where the signature is `string algorithm, string
    /// bytes`.
    fn read(blob: &'a [u8]) -> Option<Blob<'a>> {
        let mut rest = blob.strip_prefix(b"SSHSIG")?;
        let version = take_u32(&mut rest)?;
        if version != 1 {
            return None;
        }
        for _ in 0..4 {
            take_string(&mut rest)?;
        }
        let mut signature = take_string(&mut rest)?;
        let sig_algorithm = take_string(&mut signature)?;
        Some(Blob { sig_algorithm })
    }
}

fn take_u32(rest: &mut &[u8]) -> Option<u32> {
    let (head, tail) = rest.split_at_checked(4)?;
    *rest = tail;
    Some(u32::from_be_bytes(head.try_into().ok()?))
}

fn take_string<'a>(rest: &mut &'a [u8]) -> Option<&'a [u8]> {
    let len = take_u32(rest)? as usize;
    let (head, tail) = rest.split_at_checked(len)?;
    *rest = tail;
    Some(head)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn garbage_is_a_named_refusal_never_a_panic() {
        for text in [
            "",
            "not a signature!",
            "-----BEGIN SSH SIGNATURE-----\n!!!\n-----END SSH SIGNATURE-----",
            "-----BEGIN SSH SIGNATURE-----\nU1NIU0lH\n-----END SSH SIGNATURE-----",
            "-----BEGIN SSH SIGNATURE-----\nU1NIU0lHAAAAAf////8=\n-----END SSH SIGNATURE-----",
        ] {
            let err = Signature::parse(text).unwrap_err();
            assert!(err.contains("malformed"), "{text:?}: {err}");
        }
    }
}
