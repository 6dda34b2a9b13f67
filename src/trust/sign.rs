//! Signing a statement with the approver's key, as git does: an unencrypted Ed25519 or ECDSA
//! private key file signs in-process; a public key file (its private half in `ssh-agent`), a
//! passphrase-protected key or an RSA key goes through `ssh-keygen -Y sign`, which asks the
//! agent or the approver. docket reads the key where the approver keeps it, never copies it and refuses
//! one kept inside the data folder.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use ssh_key::{HashAlg, LineEnding, PrivateKey};

use crate::error::{Error, Result};

/// Signs `message` under docket's namespace with the key at `key`; the armored signature.
pub fn sign(key: &Path, data_dir: &Path, message: &str) -> Result<String> {
    if let (Ok(k), Ok(d)) = (key.canonicalize(), data_dir.canonicalize())
        && k.starts_with(&d)
    {
        return Err(Error::Refused(format!(
            "{} is inside the data folder: a private key never belongs there (anyone who can \
             read the folder could sign as its owner). Keep it in ~/.ssh or in ssh-agent.",
            key.display()
        )));
    }
    let text = std::fs::read_to_string(key).map_err(|source| Error::Read {
        path: key.to_path_buf(),
        source,
    })?;
    if text
        .trim_start()
        .starts_with("-----BEGIN OPENSSH PRIVATE KEY-----")
    {
        let private = PrivateKey::from_openssh(&text).map_err(|e| {
            Error::Usage(format!(
                "{}: not an OpenSSH private key: {e}",
                key.display()
            ))
        })?;
        // RSA goes through OpenSSH too: RustCrypto's RSA signing refuses keys ssh-keygen
        // writes (measured with ssh-key 0.6.7 and rsa 0.9.10: "cryptographic error");
        // verifying RSA signatures in-process works.
        let rsa = matches!(private.key_data(), ssh_key::private::KeypairData::Rsa(_));
        if !private.is_encrypted() && !rsa {
            super::roster::check_algorithm(private.public_key().key_data())
                .map_err(|why| Error::Usage(format!("{}: {why}", key.display())))?;
            let sig = private
                .sign(super::NAMESPACE, HashAlg::Sha512, message.as_bytes())
                .map_err(|e| Error::Usage(format!("signing with {}: {e}", key.display())))?;
            return sig
                .to_pem(LineEnding::LF)
                .map_err(|e| Error::Internal(e.to_string()));
        }
    }
    // A public key (the agent holds its private half) or a protected private key: OpenSSH
    // signs, asking the agent or the approver's passphrase on the terminal.
    ssh_keygen_sign(key, message)
}

/// The fingerprint (`SHA256:...`) of the key a file holds: an OpenSSH private key (its
/// public half is stored in the clear, so no passphrase is needed) or a public key.
pub fn public_key(key: &Path) -> Result<String> {
    let text = std::fs::read_to_string(key).map_err(|source| Error::Read {
        path: key.to_path_buf(),
        source,
    })?;
    let public = if text
        .trim_start()
        .starts_with("-----BEGIN OPENSSH PRIVATE KEY-----")
    {
        PrivateKey::from_openssh(&text)
            .map(|k| k.public_key().clone())
            .map_err(|e| {
                Error::Usage(format!(
                    "{}: not an OpenSSH private key: {e}",
                    key.display()
                ))
            })?
    } else {
        ssh_key::PublicKey::from_openssh(text.trim()).map_err(|e| {
            Error::Usage(format!(
                "{}: expected an OpenSSH private key, or a public key (.pub) held by ssh-agent: {e}",
                key.display()
            ))
        })?
    };
    Ok(public.fingerprint(HashAlg::Sha256).to_string())
}

/// `ssh-keygen -Y sign -f KEY -n NAMESPACE` over `message` on standard input.
pub fn ssh_keygen_sign(key: &Path, message: &str) -> Result<String> {
    let mut child = Command::new("ssh-keygen")
        .args(["-q", "-Y", "sign", "-n", super::NAMESPACE, "-f"])
        .arg(key)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| {
            Error::Usage(format!(
                "cannot run ssh-keygen to sign with {} ({e}); give an unencrypted private key \
                 file, or install OpenSSH",
                key.display()
            ))
        })?;
    if let Some(mut stdin) = child.stdin.take() {
        stdin
            .write_all(message.as_bytes())
            .map_err(|e| Error::Internal(format!("ssh-keygen: {e}")))?;
    }
    let out = child
        .wait_with_output()
        .map_err(|e| Error::Internal(format!("ssh-keygen: {e}")))?;
    if !out.status.success() {
        return Err(Error::Refused(format!(
            "ssh-keygen could not sign with {}: {}",
            key.display(),
            String::from_utf8_lossy(&out.stderr).trim()
        )));
    }
    String::from_utf8(out.stdout).map_err(|e| Error::Internal(e.to_string()))
}
