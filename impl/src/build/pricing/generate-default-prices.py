#!/usr/bin/env python3
"""Writes Tollgate's shipped price table from LiteLLM's model_prices_and_context_window.json.

Usage: generate-default-prices.py <litellm json> <as-of date> > default-prices.properties

It reads the file as LiteLlmPriceFile does (providers, prefixes, cost keys), keeps the current
chat models of every provider type but Ollama, and keys each by its alias as ModelAliases derives
it. An id whose price differs from the price shipped under its alias is shipped under its own id,
whether current or not, so that no id the data knows is priced wrongly through an alias.
"""
import decimal
import json
import re
import sys
from collections import OrderedDict, defaultdict

PROVIDERS = {
    'openai': 'openai', 'azure': 'azure-openai', 'anthropic': 'anthropic', 'gemini': 'gemini',
    'bedrock': 'bedrock', 'bedrock_converse': 'bedrock', 'mistral': 'mistral',
    'cohere': 'cohere', 'cohere_chat': 'cohere', 'ollama': 'ollama', 'ollama_chat': 'ollama',
}
PREFIXES = ['openai', 'azure', 'anthropic', 'gemini', 'vertex_ai', 'bedrock_converse', 'bedrock', 'mistral',
            'cohere_chat', 'cohere', 'ollama_chat', 'ollama']
KINDS = {
    'input_cost_per_token': 'input', 'output_cost_per_token': 'output',
    'cache_read_input_token_cost': 'cached-input', 'cache_creation_input_token_cost': 'cache-write',
    'cache_creation_input_token_cost_above_1hr': 'cache-write-1h', 'output_cost_per_reasoning_token': 'reasoning',
}
TIERS = {'_batches': 'batch', '_flex': 'flex', '_priority': 'priority'}
ABOVE = re.compile(r'^(.+?)_above_(\d+)(k?)_tokens$')

# The rules of ModelAliases, in its order.
ALIAS_RULES = [
    (r'^(?:.*/)?models/', ''), (r'^arn:.*/', ''),
    (r'^(?:us|eu|apac|au|jp|ca|us-gov|global)\.(?=[a-z0-9-]+\.)', ''),
    (r'-v\d+(?::\d+)?$', ''), (r'@[^@/]*$', ''), (r'-latest$', ''),
    (r'-(?:\d{4}-\d{2}-\d{2}|\d{8})$', ''), (r'^(gpt-.+)-\d{4}$', r'\1'), (r'^(gemini-.+)-\d{3}$', r'\1'),
]

# Not chat models Tollgate prices by tokens alone: fine-tunes, audio, images, search.
NOT_CHAT = re.compile(r'^ft:|audio|realtime|tts|transcribe|image|-live|search|deep-research|computer-use|container')
# Superseded generations, which the data does not always mark deprecated.
LEGACY = re.compile(
    r'^gpt-3\.5|^gpt-35|^gpt-4$|^gpt-4-(?:0314|0613|32k|0125|1106|turbo|vision)|^gpt-4\.5|^o1-(?:mini|preview)'
    r'|^chatgpt-|^codex-mini'
    r'|claude-3-|claude-instant|claude-v\d|claude-2|claude-mythos'
    r'|^ai21\.|titan-text|llama2|^meta\.llama3-(?:8b|70b)-|^cohere\.command-(?:text|light)'
    r'|^mistral\.(?:mistral-large-2402|mistral-small-2402|mistral-7b|mixtral)'
    r'|^gemini-(?:1\.|2\.0|pro$|exp|gemma-2)|learnlm|medlm|bison'
    r'|^mistral-(?:tiny|medium$|medium-2312|large-2402|small-2402|small$)|^open-mistral-7b|^open-mixtral'
    r'|codestral-mamba|^command-light|^command$')
# Azure OpenAI deployments serve OpenAI's models only.
AZURE_OPENAI = re.compile(r'^(?:gpt-|o\d)')


def alias(model):
    a = model
    for pattern, repl in ALIAS_RULES:
        a = re.sub(pattern, repl, a, count=1)
    return a or model


def provider_type(p):
    if p == 'vertex_ai' or (p or '').startswith('vertex_ai-'):
        return 'vertex'
    return PROVIDERS.get(p)


def fields_of(entry):
    prices, thresholds = {}, {}
    for key, value in entry.items():
        if not isinstance(value, decimal.Decimal) or value < 0:
            continue
        tier, base = '', key
        for suffix, name in TIERS.items():
            if base.endswith(suffix):
                tier, base = name + '-', base[:-len(suffix)]
                break
        threshold = None
        m = ABOVE.match(base)
        if m:
            base, threshold = m.group(1), int(m.group(2)) * (1000 if m.group(3) else 1)
        kind = KINDS.get(base)
        if kind is None:
            continue
        field = tier + ('long-context-' if threshold is not None else '') + kind
        if threshold is not None:
            if field in thresholds and thresholds[field] <= threshold:
                continue
            thresholds[field] = threshold
        prices[field] = value.scaleb(6).normalize()
    if thresholds:
        lowest = min(thresholds.values())
        prices = {f: v for f, v in prices.items() if f not in thresholds or thresholds[f] == lowest}
        prices['long-context-threshold'] = decimal.Decimal(lowest)
    return prices


def read(path):
    with open(path) as f:
        data = json.load(f, parse_float=decimal.Decimal, parse_int=decimal.Decimal)
    entries, prefixed = OrderedDict(), set()
    for name, entry in data.items():
        if not isinstance(entry, dict):
            continue
        t = provider_type(entry.get('litellm_provider'))
        if t is None or entry.get('mode') not in ('chat', 'responses'):
            continue
        fields = fields_of(entry)
        if 'input' not in fields or 'output' not in fields:
            continue
        model, has_prefix = name, False
        for p in PREFIXES:
            if model.startswith(p + '/'):
                model, has_prefix = model[len(p) + 1:], True
                break
        if t in ('azure-openai', 'bedrock') and '/' in model:
            continue
        key = (t, model)
        if key in entries and (not has_prefix or key in prefixed):
            continue
        if has_prefix:
            prefixed.add(key)
        entries[key] = (fields, entry.get('deprecation_date'))
    return entries


def current(t, model, fields, deprecated):
    return (t != 'ollama' and not deprecated and not NOT_CHAT.search(model) and not LEGACY.search(model)
            and (t != 'azure-openai' or AZURE_OPENAI.search(model))
            and (fields['input'] != 0 or fields['output'] != 0))


def table(entries):
    groups = defaultdict(list)
    for (t, model), (fields, deprecated) in entries.items():
        groups[(t, alias(model))].append((model, fields, current(t, model, fields, deprecated)))
    # The alias is keyed by the id it names, if the data has one, else by the family's latest or shortest
    # current id.
    shipped = {}
    for (t, a), members in groups.items():
        live = [m for m in members if m[2]]
        if not live:
            continue
        exact = [m for m in members if m[0] == a]
        latest = [m for m in live if m[0] in (a + '-latest', a + '@latest')]
        canonical = (exact or latest or sorted(live, key=lambda m: (len(m[0]), m[0])))[0]
        shipped[(t, a)] = canonical[1]
        for model, fields, _ in members:
            if fields != canonical[1] and model != a:
                shipped[(t, model)] = fields
    return shipped


def escape(key):
    return re.sub(r'([:=#! ])', r'\\\1', key)


ORDER = ['input', 'cached-input', 'cache-write', 'cache-write-1h', 'output', 'reasoning']


def field_order(field):
    tier = next((i + 1 for i, t in enumerate(['batch-', 'flex-', 'priority-']) if field.startswith(t)), 0)
    rest = field.split('-', 1)[1] if tier else field
    if rest == 'long-context-threshold':
        return (tier, 1, -1)
    long_context = rest.startswith('long-context-')
    kind = rest[len('long-context-'):] if long_context else rest
    return (tier, 1 if long_context else 0, ORDER.index(kind))


def main(path, as_of):
    shipped = table(read(path))
    out = [
        '# Prices of current chat models, USD per million tokens, keyed by provider type and by model alias',
        '# (dev.tollgate.impl.pricing.ModelAliases); an id priced unlike its alias is listed under its own id.',
        "# Source: LiteLLM's model_prices_and_context_window.json (MIT licence), as of " + as_of + '.',
        '# Written by impl/src/build/pricing/generate-default-prices.py. Shipped as a low-ordinal config source:',
        "# any entry of the application's configuration overrides it.",
    ]
    for t in ['openai', 'azure-openai', 'anthropic', 'gemini', 'vertex', 'bedrock', 'mistral', 'cohere']:
        out.append('')
        out.append('# ' + t)
        for (pt, model) in sorted(k for k in shipped if k[0] == t):
            for field in sorted(shipped[(pt, model)], key=field_order):
                value = shipped[(pt, model)][field]
                out.append('tollgate.pricing.%s.%s.%s=%s' % (t, escape(model), field, format(value, 'f')))
    print('\n'.join(out))


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
