// The shipped rule set, built into the binary: `EmbeddedRules` is generated from `Rules/` at build time by
// the EmbedRules plugin (Plugins/EmbedRules, Sources/advise-embed). `advise` falls back to it when no rule
// set folder is given or found; `advise rules export DIR` writes it out for editing.
