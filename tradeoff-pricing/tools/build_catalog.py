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
# Dated OpenAI and Azure snapshots priced differently from their undated entry must be explicit entries
# (otherwise resolution would strip the date and bill the undated price).
for k, v in litellm.items():
    if isinstance(v, dict) and v.get("litellm_provider") in ("openai", "azure") and v.get("mode") == "chat":
        prov = v["litellm_provider"]
        base = family_alias(k)
        undated = base if base.startswith(prov + "/") else f"{prov}/{base}"
        if base != k and (undated in models or base in EXTRA):
            b = litellm.get(base, {})
            if (v.get("input_cost_per_token"), v.get("output_cost_per_token")) != \
                    (b.get("input_cost_per_token"), b.get("output_cost_per_token")):
                EXTRA[k] = (prov, k)


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


# ---- 4. Offers: provisioned prices and capacities, GPU instances, throughput measurements --------------
PC = facts["provisioned_and_commitments"]


def prov_of(f, extra_notes=()):
    src = f["source"]
    as_of = str(f["as_of"])
    notes = list(f.get("notes", [])) + list(extra_notes)
    date = catalog_as_of(as_of)
    if date != as_of:
        notes.append(f"as_of as stated by the source: '{as_of}'")
    return provenance(src, date, notes, "SECONDARY" in src)


def catalog_as_of(as_of):
    """The catalog's yyyy[-MM[-dd]] for a source's as_of: the date itself when it is one; the later year of a
    range ('2025-2026 (page ...)' -> '2026', never the month-less '2025-20'); a leading year ('2025 (page crawl)');
    else 2026, the year the facts were compiled (the source's words are kept in a note)."""
    exact = re.fullmatch(r"(\d{4})(-(0[1-9]|1[0-2])(-(\d{2}))?)?", as_of)
    if exact:
        return as_of
    year_range = re.match(r"^\d{4}-(\d{4})\b", as_of)
    if year_range:
        return year_range.group(1)
    year = re.match(r"^(\d{4})\b", as_of)
    return year.group(1) if year else "2026"


prices = []
caps = []

# Azure PTU prices (SECONDARY: retail prices API quoted by third-party notes).
AZ_SCOPE = {"Global Provisioned": "global", "Data Zone Provisioned": "data-zone", "Regional Provisioned": "regional"}
for f in PC:
    if f["kind"] == "provisioned_price" and f.get("deployment_type") in AZ_SCOPE:
        prices.append(OrderedDict(family="azure-ptu", scope=AZ_SCOPE[f["deployment_type"]], unit="PTU", prices=[
            OrderedDict(commitment="HOURLY", amount=num(f["hourly_per_ptu"]), per="HOUR"),
            OrderedDict(commitment="P1M", amount=num(f["reservation_1_month_per_ptu_per_month"]), per="MONTH"),
            OrderedDict(commitment="P1Y", amount=num(f["reservation_1_year_per_ptu_per_year"]), per="YEAR"),
        ], source=prov_of(f)))

OLD_RATIO_3 = {"gpt-4o", "gpt-4o-mini", "o1"}
for f in PC:
    if f["kind"] != "provisioned_model_capacity" or not f["offer"].startswith("Azure"):
        continue
    model = f["model"]
    w = f["output_token_weight_in_input_tokens"]
    extra = ["Cache reads weighted 0: 'Cached tokens are deducted 100% from the utilization' (wording ambiguous; a "
             "secondary worked example implies cached input consumes no PTU capacity)"]
    if w is None:
        if model in OLD_RATIO_3:
            w = 3
            extra.append("Output weight 3 from the older doc version (1 output token = 3 input tokens for gpt-4o, "
                         "gpt-4o-mini, o1)")
        else:
            lp = models.get(f"openai/{model}")
            if lp is None:
                continue  # weight unknown and no price ratio to derive it from (DeepSeek on Azure)
            w = Decimal(lp["rates"]["outputPerMillion"]) / Decimal(lp["rates"]["inputPerMillion"])
            extra.append(f"Output weight {format(w.normalize(), 'f')} derived from the standard output:input price ratio "
                         "('Starting with GPT 4.1 models and later, the system matches the global standard price "
                         "ratio between input and output tokens', pricing-rules.md 3.1)")
    weights = OrderedDict(INPUT=1, CACHE_READ=0, CACHE_WRITE_5M=1, CACHE_WRITE_1H=1, OUTPUT=num(w), REASONING=num(w))
    variants = [("global", "global", f["global_and_data_zone_min_ptu"], f["global_and_data_zone_increment"]),
                ("data-zone", "data-zone", f["global_and_data_zone_min_ptu"], f["global_and_data_zone_increment"])]
    if f["regional_min_ptu"]:
        variants.append(("regional", "regional", f["regional_min_ptu"], f["regional_increment"]))
    for variant, scope, mn, inc in variants:
        caps.append(OrderedDict(family="azure-ptu", model=model, variant=variant, pool="PTU", priceScope=scope,
                                tokensPerMinutePerUnit=f["input_tpm_per_ptu"], weights=weights,
                                minimumUnits=mn, unitIncrement=inc, source=prov_of(f, extra)))

# Vertex GSU prices (SECONDARY) and capacities.
TERM = {"1 week": ("P1W", "WEEK", 1200), "1 month": ("P1M", "MONTH", 2700), "3 months": ("P3M", "MONTH", 2400),
        "1 year": ("P1Y", "MONTH", 2000)}
vertex_prices = []
vertex_src = None
for f in PC:
    if f["kind"] == "provisioned_price" and f.get("term") in TERM and "Vertex" in f["offer"]:
        c, per, amount = TERM[f["term"]]
        assert str(amount) in f["stated_price"].replace(",", ""), f["stated_price"]
        vertex_prices.append(OrderedDict(commitment=c, amount=amount, per=per))
        vertex_src = f
prices.append(OrderedDict(family="vertex-gsu", scope="global-endpoint", unit="GSU", prices=vertex_prices,
                          source=prov_of(vertex_src, ["Stated prices: $1,200 per GSU per week; $2,700 per GSU per "
                                                      "month (1-month term); $2,400/month (3-month term); $2,000/month "
                                                      "(1-year term)"])))
BURN = {
    "gemini-2.5-pro": OrderedDict(INPUT=1, CACHE_READ=1, CACHE_WRITE_5M=1, OUTPUT=8, REASONING=8),
    "gemini-2.5-flash": OrderedDict(INPUT=1, CACHE_READ=1, CACHE_WRITE_5M=1, OUTPUT=4, REASONING=24),
    "gemini-2.0-flash": OrderedDict(INPUT=1, CACHE_READ=1, CACHE_WRITE_5M=1, OUTPUT=4),
    "gemini-2.0-flash-lite": OrderedDict(INPUT=1, CACHE_READ=1, CACHE_WRITE_5M=1, OUTPUT=4),
}
CLAUDE_BURN = OrderedDict(INPUT=1, CACHE_READ=Decimal("0.1"), CACHE_WRITE_5M=Decimal("1.25"), CACHE_WRITE_1H=Decimal("1.25"),
                          OUTPUT=5, REASONING=5)
for f in PC:
    if f["kind"] == "provisioned_model_capacity" and "Vertex" in f["offer"]:
        model = f["model"]
        weights = BURN.get(model, CLAUDE_BURN)
        extra = ["Burndown as stated: " + f["burndown"]]
        if model == "gemini-2.5-pro":
            extra.append("Weights are the <=200k-prompt burndown; prompts above 200k burn input x2, output x12")
        if weights is CLAUDE_BURN:
            extra.append("1-hour cache writes weighted like 5-minute writes (1.25; not stated)")
        caps.append(OrderedDict(family="vertex-gsu", model=model, variant="default", pool="GSU",
                                priceScope="global-endpoint", tokensPerMinutePerUnit=num(Decimal(f["throughput_per_gsu_tokens_per_sec"]) * 60),
                                weights=weights, minimumUnits=f["min_gsu"], unitIncrement=f["gsu_increment"],
                                source=prov_of(f, extra)))

# OpenAI Scale Tier: per model an input-unit pool and an output-unit pool, priced per day, 30-day minimum term.
for f in PC:
    if f["kind"] == "provisioned_price" and f["offer"] == "OpenAI Scale Tier":
        model = f["model"]
        for pool, tpm, price, weights in (
                ("input", f["input_unit_tpm"], f["input_unit_price_per_day"],
                 OrderedDict(INPUT=1, CACHE_READ=1, CACHE_WRITE_5M=1)),
                ("output", f["output_unit_tpm"], f["output_unit_price_per_day"], OrderedDict(OUTPUT=1, REASONING=1))):
            if tpm is None or price is None:
                continue
            scope = f"{model}/{pool}"
            prices.append(OrderedDict(family="openai-scale-tier", scope=scope, unit=f"{pool} unit", prices=[
                OrderedDict(commitment="P1M", amount=num(price), per="DAY")],
                source=prov_of(f, ["Billed per unit per day with a 30-day minimum term; monthly cost = daily price x "
                                   "730/24", "Cached input assumed to count as input (not stated)"])))
            caps.append(OrderedDict(family="openai-scale-tier", model=model, variant="default", pool=f"{pool} unit",
                                    priceScope=scope, tokensPerMinutePerUnit=tpm, weights=weights, minimumUnits=1,
                                    unitIncrement=1, source=prov_of(f)))

# Bedrock Reserved tier (token-based PT), SECONDARY: per 1K TPM per hour, min 100k input / 10k output TPM.
BR_MODEL = {"Claude Sonnet 4.5 / 4.6": "claude-sonnet-4-5", "Claude Opus 4.5 / 4.6": "claude-opus-4-5",
            "Claude Haiku 4.5": "claude-haiku-4-5"}
for f in PC:
    if f["kind"] == "provisioned_price" and f["offer"].startswith("AWS Bedrock Reserved tier"):
        model = BR_MODEL[f["model"]]
        for pool, p1, p3, mn, weights in (
                ("input", f["input_1_month"], f["input_3_month"], 100, OrderedDict(INPUT=1, CACHE_WRITE_5M=1, CACHE_WRITE_1H=1)),
                ("output", f["output_1_month"], f["output_3_month"], 10, OrderedDict(OUTPUT=1, REASONING=1))):
            scope = f"{model}/{pool}"
            prices.append(OrderedDict(family="bedrock-reserved-tier", scope=scope, unit=f"1K {pool} TPM", prices=[
                OrderedDict(commitment="P1M", amount=num(p1), per="HOUR"),
                OrderedDict(commitment="P3M", amount=num(p3), per="HOUR")],
                source=prov_of(f, ["Reserved tier rules (SECONDARY): fixed price per 1K tokens-per-minute per hour, "
                                   "billed monthly; minimums 100,000 input TPM and 10,000 output TPM; cache writes count "
                                   "toward TPM, cache reads do not; Geo/Regional = 1.1x Global; model covers "
                                   + f["model"]])))
            caps.append(OrderedDict(family="bedrock-reserved-tier", model=model, variant="global", pool=f"1K {pool} TPM",
                                    priceScope=scope, tokensPerMinutePerUnit=1000, weights=weights, minimumUnits=mn,
                                    unitIncrement=1, source=prov_of(f)))

# Bedrock model units: prices only (capacity per MU is not published: 'contact your AWS account manager').
for f in PC:
    if f["kind"] == "provisioned_price" and f["offer"].startswith("AWS Bedrock Provisioned Throughput"):
        ps = []
        if f.get("no_commit_hourly") is not None:
            ps.append(OrderedDict(commitment="HOURLY", amount=num(f["no_commit_hourly"]), per="HOUR"))
        if f.get("commit_1_month_hourly") is not None:
            ps.append(OrderedDict(commitment="P1M", amount=num(f["commit_1_month_hourly"]), per="HOUR"))
        if f.get("commit_6_month_hourly") is not None:
            ps.append(OrderedDict(commitment="P6M", amount=num(f["commit_6_month_hourly"]), per="HOUR"))
        prices.append(OrderedDict(family="bedrock-model-units", scope=f["model"], unit="model unit", prices=ps,
                                  source=prov_of(f, ["Capacity per model unit is not published (AWS: 'contact your AWS "
                                                     "account manager'); supply it to build a plan"])))

doc["provisionedPrices"] = prices
doc["provisionedCapacities"] = caps

# GPU instances: the newest price per (cloud, instance) keeps the plain id; older duplicates get '@<as_of>'.
gpus = [g for g in facts["gpu_instances"] if g.get("kind") == "gpu_instance"]
seen = {}
for g in sorted(gpus, key=lambda g: str(g["as_of"]), reverse=True):
    base = f"{g['cloud']}/{g['instance']}"
    gid = base if base not in seen else f"{base}@{g['as_of']}"
    seen.setdefault(base, gid)
    g["_id"] = gid
by_ec2 = {g["instance"]: g for g in gpus if g["cloud"] == "aws"}
for g in gpus:
    if g["cloud"] == "aws-sagemaker" and not g.get("gpu") and g["instance"].startswith("ml."):
        ec2 = by_ec2.get(g["instance"][3:])
        if ec2 and ec2.get("gpu"):
            g["gpu"], g["gpu_count"] = ec2["gpu"], ec2["gpu_count"]
            g["notes"] = list(g.get("notes", [])) + [f"GPU and count as for EC2 {ec2['instance']} (same hardware)"]
out = []
for g in gpus:
    e = OrderedDict(id=g["_id"], cloud=g["cloud"], instanceType=g["instance"])
    if g.get("gpu"):
        e["gpu"] = g["gpu"]
    if g.get("gpu_count"):
        e["gpuCount"] = g["gpu_count"]
    if g.get("region"):
        e["region"] = g["region"]
    od = g.get("on_demand_hourly")
    if od is None and g.get("per_gpu_hourly") is not None and g.get("gpu_count"):
        od = Decimal(g["per_gpu_hourly"]) * g["gpu_count"]
        g.setdefault("notes", []).append(f"on-demand price derived as per-GPU ${g['per_gpu_hourly']}/h x {g['gpu_count']} GPUs")
    for key, field in (("onDemandHourly", od), ("reserved1yHourly", g.get("reserved_1yr_hourly")),
                       ("reserved3yHourly", g.get("reserved_3yr_hourly")), ("spotHourly", g.get("spot_hourly_example"))):
        if field is not None:
            e[key] = num(field)
    e["source"] = prov_of(g)
    out.append(e)
doc["gpuInstances"] = out

MEAS_ID = ["nim-llama-3.3-70b-instruct-2xh100-fp8", "nim-llama-3.1-8b-instruct", "nim-llama-3.1-70b-instruct",
           "mlperf-v5.1-vllm-llama-3.1-8b-h100-fp8", "runinfra-llama-3.1-8b-h100", "vllm-ci-h200",
           "vllm-0.6.0-llama-3", "tgi-1.0.3-llama-2-sagemaker", "oci-llama-3.3-70b-large-generic"]
meas = []
for i, m in enumerate(facts["self_hosted_throughput"]):
    if m.get("kind") != "self_hosted_throughput":
        continue
    pts = []
    for p in m["points"]:
        q = OrderedDict()
        if p.get("concurrency") is not None:
            q["concurrency"] = p["concurrency"]
        if p.get("tokens_per_s") is not None:
            q["tokensPerSecond"] = num(p["tokens_per_s"])
        if p.get("req_per_s") is not None:
            q["requestsPerSecond"] = num(p["req_per_s"])
        if p.get("ttft_ms") is not None:
            q["ttftMillis"] = num(p["ttft_ms"])
        if p.get("itl_ms") is not None:
            q["itlMillis"] = num(p["itl_ms"])
        elif p.get("ms_per_token") is not None:
            q["itlMillis"] = num(p["ms_per_token"])
        attrs = OrderedDict((k, str(v)) for k, v in p.items()
                            if k not in ("concurrency", "tokens_per_s", "req_per_s", "ttft_ms", "itl_ms", "ms_per_token"))
        if attrs:
            q["attributes"] = attrs
        pts.append(q)
    e = OrderedDict(id=MEAS_ID[len(meas)], model=m["model"], engine=m["engine"])
    for k, jk in (("hardware", "hardware"), ("precision", "precision"), ("tensor_parallel", "tensorParallel"),
                  ("workload", "workload")):
        if m.get(k) is not None:
            e[jk] = str(m[k])
    e["metric"] = m["metric"]
    e["points"] = pts
    e["source"] = prov_of(m)
    meas.append(e)
doc["throughputMeasurements"] = meas


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
print(f"{len(doc['models'])} models, {len(doc['provisionedPrices'])} provisioned prices, "
      f"{len(doc['provisionedCapacities'])} capacities, {len(doc['gpuInstances'])} GPU instances, "
      f"{len(doc['throughputMeasurements'])} measurements -> {OUT}", file=sys.stderr)
