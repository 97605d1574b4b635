"""Coded, greppable error messages: every user-facing failure of spacy-elman lives here.

Codes are grouped by area so several modules can add messages without clashing:
E0xx core component and model, E1xx corpus readers, E2xx annotate/streaming,
E3xx training and evaluation CLI.
"""


class ElmanError(ValueError):
    """A problem the user can fix (bad input, bad config, bad model path)."""


class NonFiniteLossError(ElmanError):
    """The loss became NaN or infinite; the update was not applied."""


class Errors:
    # --- E0xx: component, model, serialization -------------------------------------------
    E001 = "[E001] The 'window' must be a positive odd number (got {window})."
    E002 = "[E002] Unknown activation '{name}'; choose one of: {options}."
    E003 = (
        "[E003] elman_ner has no labels. Call nlp.initialize() with examples that contain "
        "entities, or pass labels=[...] to initialize()."
    )
    E004 = (
        "[E004] elman_ner is not initialized: call nlp.initialize() (or load a trained pipeline)."
    )
    E005 = (
        "[E005] The model weights in {path} are corrupted or truncated ({detail}). "
        "Re-train, or restore the directory from a good copy."
    )
    E006 = "[E006] Invalid label '{label}': labels must be non-empty and must not contain '-' prefixes like 'B-'."
    E007 = "[E007] Unknown device '{device}': use 'auto', 'cpu', 'gpu' or 'gpu:N'."
    E008 = (
        "[E008] The device '{device}' is not available to TensorFlow (visible devices: {visible})."
    )
    E009 = "[E009] The feature list must be non-empty and each feature one of {options} (got {features})."
    E010 = "[E010] The loss became non-finite ({loss}); the update was not applied."
    E011 = "[E011] The model's weights do not match its configuration: {detail}."
    E012 = (
        "[E012] Invalid model size '{name}': every table needs rows >= 2 (row 0 is padding) and "
        "every width must be positive (rows={rows}, widths={widths}, hidden_width={hidden})."
    )
    E013 = "[E013] --logdir needs the tensorboard package: pip install 'spacy-elman[tensorboard]'."
    E014 = (
        "[E014] elman_ner cannot run TensorFlow in a process forked from one that already "
        "imported it (nlp.pipe(n_process=N) with the 'fork' start method). Call "
        "multiprocessing.set_start_method('spawn') first, or use `spacy-elman annotate "
        "--n-process N`."
    )
    E015 = (
        "[E015] The gold data has the entity label '{label}', which elman_ner does not predict "
        "(its labels: {labels}): the data's labels do not match the model's. Initialize the "
        "model with these labels, add the label with add_label(), or drop it from the data "
        "(--labels)."
    )
    E020 = (
        "[E020] elman_ner's averaged weights are swapped in (inside use_averages() or "
        "nlp.use_params()): leave that block before updating or restoring the weights."
    )
    E021 = (
        "[E021] elman_ner's output_labels {missing} are not among the labels it learns "
        "({labels}): list labels of the training data, or leave output_labels empty."
    )
    E016 = (
        "[E016] elman_ner's '{name}' must be a whole number >= 0 (got {value!r}); 0 turns "
        "it off (chunk_tokens = 0 tags a whole doc in one pass, bptt = 0 trains on each "
        "example from a zero state)."
    )
    E017 = "[E017] elman_ner's 'chunk_mode' must be one of: {options} (got '{mode}')."
    E018 = (
        "[E018] elman_ner's chunk_mode 'exact' needs a forward-only model (bidirectional = "
        "false): a backward pass cannot carry its state from one chunk to the next. Use "
        "chunk_mode 'overlap'."
    )
    E022 = (
        "[E022] The Brown-cluster table of the 'cluster' feature, {path}, is missing or "
        "unreadable ({detail}). It ships with spacy-elman: reinstall the package."
    )
    E023 = (
        "[E023] The name lists of the 'gazetteer' features, {path}, are missing or unreadable "
        "({detail}). They ship with spacy-elman: reinstall the package."
    )
    E024 = "[E024] elman_ner's 'precision' must be one of: {options} (got '{precision}')."
    E025 = (
        "[E025] The names of the 'names' augmenter, {path}, are missing or unreadable "
        "({detail}). They ship with spacy-elman: reinstall the package."
    )
    E026 = "[E026] elman_ner's 'output_bias' must be \"auto\" or a finite number (got {value!r})."
    E027 = (
        "[E027] The place names of the 'drop_places' rule, {path}, are missing or unreadable "
        "({detail}). They ship with spacy-elman: reinstall the package."
    )
    E028 = (
        "[E028] elman_ner's 'opening_names' must be a number from 0 to 1 (got {value!r}); 0 "
        "turns it off."
    )

    # --- E1xx: corpus readers (spacy_elman/readers.py) -----------------------------------
    E101 = "[E101] {path}: file not found."
    E102 = "[E102] {path}: cannot read the file ({detail})."
    E103 = "[E103] {path}: unknown corpus format '{fmt}'; choose one of: {options}."
    E104 = (
        "[E104] {path}: cannot tell the corpus format from the file extension '{ext}'. "
        "Known extensions: {extensions}; or pass the format explicitly (one of: {options})."
    )
    E105 = "[E105] Invalid label mapping '{item}': {problem}. Expected OLD=NEW, e.g. PER=PERSON."
    E106 = "[E106] {path}:{line}: the file is not valid UTF-8 ({detail})."
    E107 = "[E107] {path}:{line}: expected at least 2 columns (token ... NER tag), found {found}."
    E108 = (
        "[E108] {path}:{line}: expected {expected} columns (as on line {first_line}), "
        "found {found}."
    )
    E109 = (
        "[E109] {path}:{line}: invalid NER tag '{tag}'{where}: valid tags are 'O', "
        "'B-<label>' and 'I-<label>' (IOB1 or IOB2)."
    )
    E110 = "[E110] {path}:{line}: not valid JSON ({detail})."
    E111 = "[E111] {path}:{line}: expected a JSON object, found {found}."
    E112 = (
        "[E112] {path}:{line}: missing key '{key}'. Expected "
        '{{"text": "...", "spans": [{{"start": 0, "end": 5, "label": "PER"}}]}} or '
        '{{"tokens": [...], "tags": [...]}}.'
    )
    E113 = "[E113] {path}:{line}: '{key}' must be {expected}, found {found}."
    E114 = "[E114] {path}:{line}: '{key}' has {found} items but 'tokens' has {expected}."
    E115 = (
        "[E115] {path}:{line}: {span} (start {start}, end {end}) is empty or outside "
        "the text (length {length})."
    )
    E116 = (
        "[E116] {path}:{line}: {span} (start {start}, end {end}, label {label!r}) covers "
        "{text!r}, which does not align to token boundaries; the tokens there are {tokens}."
    )
    E117 = (
        "[E117] {path}:{line}: spans overlap: {text1!r} [{start1}:{end1}] ({label1}) and "
        "{text2!r} [{start2}:{end2}] ({label2})."
    )
    E118 = "[E118] {path}: cannot read as a spaCy DocBin (.spacy) file ({detail})."

    # --- E2xx: annotate / streaming (spacy_elman/annotate.py) ----------------------------
    # Loading a pipeline (spacy_elman/loading.py)
    E201 = "[E201] Cannot load the model: {path} does not exist."
    E202 = (
        "[E202] {path} is not a spaCy pipeline directory ({reason}); pass the directory "
        "written by nlp.to_disk() or spacy-elman train."
    )
    E203 = (
        "[E203] The pipeline in {path} has no elman_ner component (its components: {components})."
    )
    E204 = (
        "[E204] Cannot load the pipeline in {path}: {detail}. Re-train, or restore the "
        "directory from a good copy."
    )
    # Options and files
    E205 = "[E205] Unknown {option} '{value}'; choose one of: {options}."
    E206 = "[E206] {option} must be at least {minimum} (got {value})."
    E207 = "[E207] {path}: cannot read the input ({detail})."
    E208 = "[E208] --gpu-id and --cpu cannot be used together."
    E209 = "[E209] {path}: cannot write the output ({detail})."
    # Per-line input problems: "{source}:{line}: problem"
    E210 = "[E210] {source}:{line}: not valid JSON ({detail})."
    E211 = '[E211] {source}:{line}: expected a JSON object like {{"text": "..."}}, found {found}.'
    E212 = "[E212] {source}:{line}: missing key 'text' (keys found: {keys})."
    E213 = "[E213] {source}:{line}: 'text' must be a string, found {found}."
    E214 = "[E214] {source}:{line}: not valid UTF-8 ({detail})."
    E215 = (
        "[E215] {source}:{line}: the text has {length:,} characters, more than the limit of "
        "{max_length:,} (raise it with --max-length)."
    )
    E216 = (
        "[E216] {source}:{line}: the line has more than {size:,} bytes, so more than the limit "
        "of {max_length:,} characters (raise it with --max-length)."
    )
    E217 = (
        "[E217] {source}:{line}: 'text' holds a lone surrogate ({char} at character {index}), "
        "which is not valid Unicode text."
    )
    E218 = (
        "[E218] A worker process stopped unexpectedly (killed, or out of memory?) after "
        "{lines:,} lines were written; try a smaller --n-process or --batch-size."
    )
    # E22x: annotate on a Ray cluster (spacy_elman/distributed.py, the --ray options)
    E220 = "[E220] --ray needs Ray, which is not installed: {hint}."
    E221 = "[E221] No input lines: {inputs} hold {what}."
    E222 = (
        "[E222] Cannot reach the Ray cluster at {address} ({detail}); start one with "
        "`ray start --head`, or leave out --address to run on this machine."
    )
    E223 = "[E223] The Ray runner reads files and directories, not {what}."
    E224 = (
        "[E224] {path} already holds {count:,} shard(s) from an earlier run (e.g. {first}); "
        "remove them or choose another --output."
    )
    E225 = "[E225] {count} INPUTs need --ray; without it annotate reads one INPUT (or stdin)."
    E226 = "[E226] --ray needs --output DIR, the directory for the JSONL shards."
    E227 = "[E227] {option} cannot be used with --ray ({hint})."
    E228 = "[E228] {option} only applies with --ray."
    E229 = (
        "[E229] {workers} workers need {need:g} {what}, but this machine has {have:g}; use "
        "fewer --workers, or --address to run on a cluster."
    )

    # --- E3xx: training and evaluation (spacy_elman/training.py, cli.py) -----------------
    E301 = "[E301] Config file not found: {path}."
    E302 = "[E302] Could not apply the settings to the config {path}: {detail}"
    E303 = (
        "[E303] Training stopped in epoch {epoch}: the loss or gradient became NaN/inf (try a "
        "lower learn_rate or a smaller grad_clip). The models saved in {output} after the last "
        "finished epoch are intact."
    )
    E304 = (
        "[E304] Cannot resume: {path} is not a model-last written by spacy-elman train "
        "(no training state in it)."
    )
    E305 = "[E305] The {which} data {path} holds no documents."
    E306 = (
        "[E306] Cannot resume: {path} was trained with the labels {model}, but this run's "
        "data has {data}. Resume with the --label-map and --labels of the first run, or train "
        "a new model in another --output."
    )
    E307 = (
        "[E307] --labels {label}: the training data {path} has no entity with this label "
        "(labels are kept after --label-map renames them; labels found: {found})."
    )
    # E32x: config validation and the saved pipeline's meta (spacy_elman/training.py, cli.py)
    E320 = (
        "[E320] Config validation error in {path} (with the command-line settings applied): "
        "{detail}. See {path} for every setting and its default."
    )
    E321 = (
        "[E321] Invalid pipeline name '{name}': use letters, digits and underscores only (it "
        "becomes part of the package name that `spacy package` builds, e.g. en_elman_ner)."
    )
    E322 = (
        "[E322] Invalid pipeline version '{version}': use a version number like 0.1.0 "
        "(PEP 440, as `spacy package` needs)."
    )
    E323 = "[E323] Unknown --optimize '{optimize}': use one of {options}."
