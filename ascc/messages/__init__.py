"""Extra translation catalogues, one module per feature (each defines MESSAGES = {key: {"vi", "en"}}).

ascc.i18n merges every module of this package into its catalogue at import; a key defined twice is
an error, so features cannot silently overwrite each other's words.
"""
