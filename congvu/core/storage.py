from whitenoise.storage import CompressedManifestStaticFilesStorage


class ForgivingManifestStorage(CompressedManifestStaticFilesStorage):
    """Hashed, compressed static files; a file missing from the manifest (collectstatic not re-run
    after an upgrade) is served under its plain name instead of turning every page into a 500."""

    manifest_strict = False
