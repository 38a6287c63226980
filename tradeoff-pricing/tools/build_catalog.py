#!/usr/bin/env python3
"""Builds tradeoff-pricing/src/main/resources/dev/tradeoff/pricing/catalog.json (the bundled catalog).

Inputs (the project's shared fixtures; not needed to build or test the project, only to regenerate):
  pricing-facts.json                         sourced per-token, provisioned, GPU and throughput facts
  litellm/model_prices_and_context_window.json  LiteLLM price map, main as of 2026-07-24

Usage:
  python3 tools/build_catalog.py ../../shared/fixtures src/main/resources/dev/tradeoff/pricing/catalog.json

Every entry carries its source and as-of date. Where the facts flag a data error, the published billing
rule (quoted in pricing-rules.md) wins and the entry says so in its notes. Numbers are converted from USD
per token to USD per 1M tokens with decimal arithmetic (never through binary floating point).
"""
import json
import re
import sys
from collections import OrderedDict
from decimal import Decimal

FIXTURES = sys.argv[1]
OUT = sys.argv[2]

facts = json.load(open(f"{FIXTURES}/pricing-facts.json"), parse_float=Decimal)
litellm = json.load(open(f"{FIXTURES}/litellm/model_prices_and_context_window.json"), parse_float=Decimal)

LITELLM_SOURCE = ("https://github.com/BerriAI/litellm/blob/main/model_prices_and_context_window.json "
                  "(main as of 2026-07-24T18:23:43Z, read via verbatim mirror "
                  "RoCry/llm-api-price@8442b939a6ead479f7995b5d74d8dce488bd0966)")
LITELLM_AS_OF = "2026-07-24"
RULES = "pricing-rules.md"

PROVIDER_PAGE = {
    "openai": "https://openai.com/api/pricing/",
    "anthropic": "https://platform.claude.com/docs/en/about-claude/pricing",
    "bedrock": "https://aws.amazon.com/bedrock/pricing/",
    "azure": "https://azure.microsoft.com/pricing/details/cognitive-services/openai-service/",
    "vertex_ai": "https://cloud.google.com/vertex-ai/generative-ai/pricing",
    "gemini": "https://ai.google.dev/gemini-api/docs/pricing",
    "mistral": "https://mistral.ai/pricing",
    "deepseek": "https://api-docs.deepseek.com/quick_start/pricing",
    "groq": "https://groq.com/pricing",
    "together_ai": "https://www.together.ai/pricing",
    "fireworks_ai": "https://fireworks.ai/pricing",
}
FACT_PROVIDER = {
    "openai": "openai", "anthropic": "anthropic", "aws-bedrock": "bedrock", "azure-openai": "azure",
    "google-vertex": "vertex_ai", "google-gemini-api": "gemini", "mistral": "mistral", "deepseek": "deepseek",
    "groq": "groq", "together": "together_ai", "fireworks": "fireworks_ai",
}
# Batch discounts stated as rules (pricing-rules.md): OpenAI 2.1, Anthropic 1.3, Azure 3.2.
BATCH_RULE = {
    "openai": "OpenAI Batch API: '50% cost discount compared to synchronous APIs' (pricing-rules.md 2.1, "
              "https://platform.openai.com/docs/guides/batch)",
    "anthropic": "Anthropic Batch API: 'a 50% discount on both input and output tokens'; batch and caching "
                 "discounts stack (pricing-rules.md 1.3, https://platform.claude.com/docs/en/about-claude/pricing)",
    "azure": "Azure OpenAI Global Batch: 'at 50% less cost than global standard' (pricing-rules.md 3.2, "
             "MicrosoftDocs/azure-ai-docs articles/ai-services/openai/how-to/batch.md)",
}
MILLION = Decimal(1000000)


def per_million(v):
    if v is None:
        return None
    d = (Decimal(v) * MILLION).normalize()
    return d if d.as_tuple().exponent <= 0 else d  # keep Decimal


def num(d):
    """Decimal -> JSON number token without exponent."""
    if d is None:
        return None
    s = format(Decimal(d).normalize(), "f")
    return Decimal(s)


def rates(inp=None, out=None, cr=None, cw5=None, cw1=None, reas=None):
    r = OrderedDict()
    for k, v in (("inputPerMillion", inp), ("cacheReadPerMillion", cr), ("cacheWrite5mPerMillion", cw5),
                 ("cacheWrite1hPerMillion", cw1), ("outputPerMillion", out), ("reasoningPerMillion", reas)):
        if v is not None:
            r[k] = num(v)
    return r


def capabilities(key):
    e = litellm.get(key, {})
    return sorted(k[len("supports_"):] for k, v in e.items() if k.startswith("supports_") and v is True)


def litellm_tiers(e):
    tiers = {}
    for k, v in e.items():
        m = re.match(r"^(input_cost_per_token|output_cost_per_token|cache_read_input_token_cost|"
                     r"cache_creation_input_token_cost|cache_creation_input_token_cost_above_1hr)_above_(\d+)k_tokens$", k)
        if m:
            tiers.setdefault(int(m.group(2)) * 1000, {})[m.group(1)] = per_million(v)
    out = []
    for t in sorted(tiers):
        x = tiers[t]
        out.append(OrderedDict(thresholdInputTokens=t, rates=rates(
            x.get("input_cost_per_token"), x.get("output_cost_per_token"), x.get("cache_read_input_token_cost"),
            x.get("cache_creation_input_token_cost"), x.get("cache_creation_input_token_cost_above_1hr"))))
    return out


models = OrderedDict()


def add(entry):
    assert entry["id"] not in models, entry["id"]
    models[entry["id"]] = entry


def provenance(source, as_of, notes, secondary=False):
    p = OrderedDict(source=source, asOf=as_of)
    if secondary:
        p["secondary"] = True
    if notes:
        p["notes"] = notes
    return p


def family_alias(key):
    """claude-3-haiku-20240307 -> claude-3-haiku; gpt-4o-2024-08-06 -> gpt-4o."""
    k = re.sub(r"-\d{4}-\d{2}-\d{2}$", "", key)
    k = re.sub(r"-20\d{6}$", "", k)
    return k


# ---- 1. The sourced per-token facts -------------------------------------------------------------------
for f in facts["token_pricing"]:
    provider = FACT_PROVIDER[f["provider"]]
    key = f["litellm_key"]
    lk = litellm.get(key, {})
    if "/" in key and key.split("/")[0] in ("azure", "gemini", "vertex_ai", "mistral", "deepseek", "groq",
                                             "together_ai", "fireworks_ai"):
        mid = key
    else:
        mid = f"{provider}/{key}"
    notes = list(f["notes"])
    aliases = []
    if mid != key and not (provider == "vertex_ai" and key.startswith("gemini-")):
        # (The bare LiteLLM key of the Vertex Gemini entry is left out: a bare "gemini-*" name means the
        # Gemini API, as model resolution infers.)
        aliases.append(key)
    fam = family_alias(key)
    if fam != key and provider in ("anthropic",):
        aliases.append(fam)
    inp, out = f["input"], f["output"]
    cr, cw5, cw1 = f["cached_input_read"], f["cache_write_5m"], f["cache_write_1h"]
    reas = f["reasoning_output"]
    if reas is not None and reas == out:
        reas = None  # equal to output: the fallback bills it identically
    if provider == "deepseek" and cw5 == 0:
        cw5 = None
        notes.append("LiteLLM lists cache_creation_input_token_cost 0.0; DeepSeek bills cache misses at the "
                     "input price and has no separate write price, so none is listed here (writes fall back "
                     "to the input rate instead of $0)")
    if key == "claude-3-haiku-20240307":
        # pricing-rules.md 1.1: 5m write 1.25x, 1h write 2x, read 0.1x of the $0.25 base input price.
        cr, cw5, cw1 = Decimal("0.025"), Decimal("0.3125"), Decimal("0.5")
        notes.append("Cache prices from Anthropic's multiplier rule (pricing-rules.md 1.1: 5m write 1.25x, "
                     "1h write 2x, read 0.1x base input): $0.3125 / $0.50 / $0.025 per MTok. The pricing table "
                     "prints the rounded '$0.30' and '$0.03'; LiteLLM's cache_write_1h $6.00 is a data error "
                     "(Anthropic table vintage A lists '$0.50 / MTok')")
    batch = None
    if f["batch_input"] is not None or f["batch_output"] is not None:
        batch = rates(f["batch_input"], f["batch_output"])
    entry = OrderedDict(id=mid, provider=provider)
    entry["displayName"] = f["model"]
    if aliases:
        entry["aliases"] = aliases
    entry["rates"] = rates(inp, out, cr, cw5, cw1, reas)
    if batch:
        entry["batchRates"] = batch
    if provider in BATCH_RULE:
        entry["batchDiscount"] = Decimal("0.5")
        notes.append(BATCH_RULE[provider])
    elif provider == "vertex_ai" and batch:
        entry["batchDiscount"] = Decimal("0.5")
    flex = rates(f["flex_input"], f["flex_output"]) if f["flex_input"] is not None else None
    if flex:
        if lk.get("cache_read_input_token_cost_flex") is not None:
            flex["cacheReadPerMillion"] = num(per_million(lk["cache_read_input_token_cost_flex"]))
        entry["flexRates"] = flex
    if f["priority_input"] is not None and f["priority_output"] is not None and "FLAG: litellm priority" not in " ".join(f["notes"]):
        pr = rates(f["priority_input"], f["priority_output"])
        if lk.get("cache_read_input_token_cost_priority") is not None:
            pr["cacheReadPerMillion"] = num(per_million(lk["cache_read_input_token_cost_priority"]))
        entry["priorityRates"] = pr
    lc = f["long_context_tier"]
    if lc:
        tr = rates(lc["input"], lc["output"], lc["cached_input_read"], lc["cache_write_5m"], lc["cache_write_1h"])
        if provider in ("anthropic", "bedrock", "vertex_ai") and "claude" in key and lc["cache_write_1h"] is None \
                and cw1 is not None:
            tr = rates(lc["input"], lc["output"], lc["cached_input_read"], lc["cache_write_5m"],
                       Decimal(lc["input"]) * 2)
            notes.append("Long-context 1h cache-write rate derived from Anthropic's rules: 1h write = 2x base "
                         "input and 'Prompt caching multipliers apply on top of long context pricing' "
                         "(pricing-rules.md 1.1, 1.4)")
        entry["longContextTiers"] = [OrderedDict(thresholdInputTokens=lc["threshold_input_tokens"], rates=tr)]
    uplifts = OrderedDict()
    if f.get("regional_processing_uplift_multiplier_us"):
        uplifts["US"] = num(f["regional_processing_uplift_multiplier_us"])
    if lk.get("regional_processing_uplift_multiplier_eu"):
        uplifts["EU"] = num(lk["regional_processing_uplift_multiplier_eu"])
    if uplifts:
        entry["residencyUplifts"] = uplifts
    if f["max_input_tokens"]:
        entry["maxInputTokens"] = f["max_input_tokens"]
    if f["max_output_tokens"]:
        entry["maxOutputTokens"] = f["max_output_tokens"]
    if lk.get("deprecation_date"):
        entry["deprecationDate"] = lk["deprecation_date"]
    caps = capabilities(key)
    if caps:
        entry["capabilities"] = caps
    secondary = "SECONDARY" in f["source"]
    notes.append("Provider pricing page: " + PROVIDER_PAGE[provider])
    entry["source"] = provenance(LITELLM_SOURCE, f["as_of"], notes, secondary)
    add(entry)

# ---- 2. Current models and snapshots that are only in the LiteLLM map -----------------------------------
EXTRA = {
    # OpenAI o-series and GPT-5.x
    "o1": ("openai", "o1"), "o3-mini": ("openai", "o3-mini"), "gpt-5.1": ("openai", "GPT-5.1"),
    "gpt-5.2": ("openai", "GPT-5.2"), "gpt-5.4-mini": ("openai", "GPT-5.4 mini"), "gpt-5.5": ("openai", "GPT-5.5"),
    # Anthropic current generation
    "claude-opus-4-6": ("anthropic", "Claude Opus 4.6"), "claude-opus-4-7": ("anthropic", "Claude Opus 4.7"),
    "claude-opus-4-8": ("anthropic", "Claude Opus 4.8"), "claude-opus-5": ("anthropic", "Claude Opus 5"),
    "claude-sonnet-5": ("anthropic", "Claude Sonnet 5"), "claude-fable-5": ("anthropic", "Claude Fable 5"),
    # Azure OpenAI models that have PTU capacity facts
    "azure/o3": ("azure", "o3 (Azure)"), "azure/o4-mini": ("azure", "o4-mini (Azure)"),
    "azure/gpt-4.1-nano": ("azure", "GPT-4.1 nano (Azure)"),
    # Gemini 3
    "gemini/gemini-3-pro-preview": ("gemini", "Gemini 3 Pro (preview)"),
    "gemini/gemini-3-flash-preview": ("gemini", "Gemini 3 Flash (preview)"),
    # Bedrock US cross-region profile of the reference-scenario model (same price as the in-region id)
}
# Dated OpenAI snapshots priced differently from their undated alias must be explicit entries.
for k, v in litellm.items():
    if isinstance(v, dict) and v.get("litellm_provider") == "openai" and v.get("mode") == "chat":
        base = family_alias(k)
        if base != k and f"openai/{base}" in models:
            b = litellm.get(base, {})
            if (v.get("input_cost_per_token"), v.get("output_cost_per_token")) != \
                    (b.get("input_cost_per_token"), b.get("output_cost_per_token")):
                EXTRA[k] = ("openai", k)


def from_litellm(key, provider, name):
    e = litellm[key]
    mid = key if key.startswith(provider + "/") else f"{provider}/{key}"
    notes = []
    entry = OrderedDict(id=mid, provider=provider, displayName=name)
    aliases = [key] if mid != key else []
    if provider == "anthropic":
        fam = family_alias(key)
        if fam != key:
            aliases.append(fam)
    if aliases:
        entry["aliases"] = aliases
    reas = per_million(e.get("output_cost_per_reasoning_token"))
    if reas is not None and reas == per_million(e.get("output_cost_per_token")):
        reas = None
    entry["rates"] = rates(per_million(e.get("input_cost_per_token")), per_million(e.get("output_cost_per_token")),
                           per_million(e.get("cache_read_input_token_cost")),
                           per_million(e.get("cache_creation_input_token_cost")),
                           per_million(e.get("cache_creation_input_token_cost_above_1hr")), reas)
    if e.get("input_cost_per_token_batches") is not None:
        entry["batchRates"] = rates(per_million(e["input_cost_per_token_batches"]),
                                    per_million(e.get("output_cost_per_token_batches")))
    if provider in BATCH_RULE:
        entry["batchDiscount"] = Decimal("0.5")
        notes.append(BATCH_RULE[provider])
    if e.get("input_cost_per_token_flex") is not None:
        entry["flexRates"] = rates(per_million(e["input_cost_per_token_flex"]),
                                   per_million(e.get("output_cost_per_token_flex")),
                                   per_million(e.get("cache_read_input_token_cost_flex")))
    if e.get("input_cost_per_token_priority") is not None and e.get("output_cost_per_token_priority") is not None:
        entry["priorityRates"] = rates(per_million(e["input_cost_per_token_priority"]),
                                       per_million(e["output_cost_per_token_priority"]),
                                       per_million(e.get("cache_read_input_token_cost_priority")))
    tiers = litellm_tiers(e)
    if tiers:
        entry["longContextTiers"] = tiers
    uplifts = OrderedDict()
    pse = e.get("provider_specific_entry") or {}
    if e.get("regional_processing_uplift_multiplier_us") or pse.get("us"):
        uplifts["US"] = num(e.get("regional_processing_uplift_multiplier_us") or pse.get("us"))
        if provider == "anthropic":
            notes.append("US-only inference 1.1x on all token classes for Claude 4.6 and later "
                         "(pricing-rules.md 1.5)")
    if e.get("regional_processing_uplift_multiplier_eu"):
        uplifts["EU"] = num(e["regional_processing_uplift_multiplier_eu"])
    if uplifts:
        entry["residencyUplifts"] = uplifts
    if pse.get("fast"):
        notes.append(f"Fast mode ({pse['fast']}x per LiteLLM) is not modelled as a service tier")
    if e.get("max_input_tokens"):
        entry["maxInputTokens"] = e["max_input_tokens"]
    if e.get("max_output_tokens"):
        entry["maxOutputTokens"] = e["max_output_tokens"]
    if e.get("deprecation_date"):
        entry["deprecationDate"] = e["deprecation_date"]
    caps = capabilities(key)
    if caps:
        entry["capabilities"] = caps
    notes.append("Provider pricing page: " + PROVIDER_PAGE[provider])
    if key == "claude-opus-5":
        notes.append("Cross-checked: Anthropic pricing page vintage B lists 'Claude Opus 5 | $5 / MTok | $6.25 / "
                     "MTok | $10 / MTok | $0.50 / MTok | $25 / MTok' (pricing-rules.md 1.2)")
    if key == "claude-fable-5":
        notes.append("Cross-checked: Anthropic pricing page vintage B lists 'Claude Fable 5 | $10 / MTok | $12.50 / "
                     "MTok | $20 / MTok | $1 / MTok | $50 / MTok' (pricing-rules.md 1.2)")
    if key == "claude-sonnet-5":
        notes.append("Cross-checked: Anthropic batch table vintage B lists 'Claude Sonnet 5 | $1 / MTok | $5 / MTok' "
                     "= 50% of $2 / $10 (pricing-rules.md 1.3)")
    entry["source"] = provenance(LITELLM_SOURCE, LITELLM_AS_OF, notes)
    add(entry)


for key, (provider, name) in EXTRA.items():
    from_litellm(key, provider, name)

# Aliases: dated snapshots priced exactly like their undated entry.
by_key = {}
for m in models.values():
    by_key[m["id"]] = m
for k, v in litellm.items():
    if not isinstance(v, dict) or v.get("mode") != "chat":
        continue
    prov = {"openai": "openai", "anthropic": "anthropic", "azure": "azure"}.get(v.get("litellm_provider"))
    if not prov:
        continue
    base = family_alias(k.split("/", 1)[1] if k.startswith(prov + "/") else k)
    target = by_key.get(f"{prov}/{base}")
    mk = k if k.startswith(prov + "/") else f"{prov}/{k}"
    if target is None or mk in models or base == (k.split("/", 1)[1] if "/" in k else k):
        continue
    tv = target["rates"]
    same = (per_million(v.get("input_cost_per_token")) == tv.get("inputPerMillion")
            and per_million(v.get("output_cost_per_token")) == tv.get("outputPerMillion"))
    if same:
        target.setdefault("aliases", [])
        if k not in target["aliases"]:
            target["aliases"].append(k)

# The Bedrock US cross-region inference profile of Claude 3 Haiku is priced like the in-region id.
h = models["bedrock/anthropic.claude-3-haiku-20240307-v1:0"]
us = litellm["us.anthropic.claude-3-haiku-20240307-v1:0"]
assert per_million(us["input_cost_per_token"]) == h["rates"]["inputPerMillion"]
assert per_million(us["output_cost_per_token"]) == h["rates"]["outputPerMillion"]
h.setdefault("aliases", []).append("us.anthropic.claude-3-haiku-20240307-v1:0")

# ---- 3. Document --------------------------------------------------------------------------------------
doc = OrderedDict()
doc["format"] = "tradeoff-price-catalog"
doc["version"] = 1
doc["name"] = "tradeoff bundled catalog"
doc["asOf"] = "2026-11-28"
doc["currency"] = "USD"
doc["unit"] = "USD per 1M tokens"
doc["notes"] = [
    "Built by tradeoff-pricing/tools/build_catalog.py from pricing-facts.json and the LiteLLM price map "
    "(see src/test/resources/fixtures/SOURCES.md). Entries with source.secondary=true come from third-party notes.",
]
doc["models"] = [models[k] for k in sorted(models, key=str.lower)]

try:
    import offers  # noqa: F401  (optional second stage, see tools/offers.py)
    offers.add_sections(doc, facts)
except ImportError:
    pass


class Enc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Decimal):
            return float(o)
        return super().default(o)


def dump(o):
    # Decimals written exactly as plain decimals.
    text = json.dumps(o, indent=2, ensure_ascii=False, default=lambda d: f"__DEC__{format(d.normalize(), 'f')}__")
    return re.sub(r'"__DEC__([-0-9.]+)__"', r"\1", text)


open(OUT, "w").write(dump(doc) + "\n")
print(f"{len(doc['models'])} models -> {OUT}", file=sys.stderr)
