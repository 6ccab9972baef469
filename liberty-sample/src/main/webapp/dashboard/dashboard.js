'use strict';

const API = '../api/dashboard/';
const REFRESH_MILLIS = 10000;
const COST_COLOR = '#3e7bfa';
const TOKENS_COLOR = '#f0a202';
const charts = {};
let currency = 'USD';

async function get(path) {
    const response = await fetch(API + path, { headers: { Accept: 'application/json' } });
    if (!response.ok) {
        throw new Error(path + ': HTTP ' + response.status);
    }
    return response.json();
}

function money(amount) {
    return Number(amount).toLocaleString('en-US', { minimumFractionDigits: 6, maximumFractionDigits: 6 }) + ' ' + currency;
}

/** A bar chart of cost (left axis) and tokens (right axis) per group; drawn at once, without animation. */
function costAndTokens(id, groups, label, tokensAsLine) {
    const data = {
        labels: groups.map(label),
        datasets: [
            { label: 'Cost (' + currency + ')', data: groups.map(g => Number(g.cost)), backgroundColor: COST_COLOR,
                borderColor: COST_COLOR, yAxisID: 'cost' },
            { label: 'Tokens', data: groups.map(g => g.inputTokens + g.outputTokens), backgroundColor: TOKENS_COLOR,
                borderColor: TOKENS_COLOR, yAxisID: 'tokens', type: tokensAsLine ? 'line' : 'bar' }
        ]
    };
    if (charts[id]) {
        charts[id].data = data;
        charts[id].update();
        return;
    }
    charts[id] = new Chart(document.getElementById(id), {
        type: 'bar',
        data: data,
        options: {
            animation: false,
            maintainAspectRatio: false,
            scales: {
                cost: { position: 'left', beginAtZero: true, title: { display: true, text: currency } },
                tokens: { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false },
                    title: { display: true, text: 'tokens' } }
            }
        }
    });
}

function minuteLabel(group) {
    return new Date(group.label).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

function cell(row, text, className) {
    const td = document.createElement('td');
    td.textContent = text == null ? '' : text;
    if (className) {
        td.className = className;
    }
    row.appendChild(td);
    return td;
}

function showLatest(calls) {
    const body = document.querySelector('#latest tbody');
    body.replaceChildren(...calls.map(call => {
        const row = document.createElement('tr');
        row.className = call.outcome === 'FAILURE' ? 'failure' : 'success';
        row.dataset.id = call.id;
        cell(row, new Date(call.startedAt).toLocaleTimeString());
        cell(row, call.callName);
        cell(row, call.principal || '–');
        cell(row, call.models.join(', '));
        cell(row, call.outcome === 'FAILURE' ? 'failed: ' + (call.errorCategory || '') : 'ok');
        cell(row, call.inputTokens, 'num');
        cell(row, call.outputTokens, 'num');
        cell(row, money(call.cost), 'num');
        cell(row, call.prompt, 'text prompt');
        cell(row, call.answer, 'text answer');
        return row;
    }));
}

function showSummary(summary) {
    currency = summary.currency;
    const p = summary.persistence;
    const status = document.getElementById('status');
    status.textContent = (summary.databaseError ? 'Database: ' + summary.databaseError + ' · ' : '')
        + 'Records stored: ' + p.stored + ' · waiting: ' + p.pending + ' · dropped: ' + p.dropped
        + ' · store failures: ' + p.failures + ' · updated ' + new Date().toLocaleTimeString();
    status.className = summary.databaseError || p.dropped > 0 || p.pending > 0 ? 'status warn' : 'status';
    if (!summary.totals) {
        return false;
    }
    const t = summary.totals;
    document.getElementById('total-calls').textContent = t.count;
    document.getElementById('total-failures').textContent = t.failures;
    document.getElementById('total-tokens').textContent = (t.inputTokens + t.outputTokens).toLocaleString('en-US');
    document.getElementById('total-cost').textContent = money(t.cost);
    return true;
}

async function refresh() {
    try {
        if (!showSummary(await get('summary'))) {
            return;
        }
        const [timeline, models, calls, principals, latest] = await Promise.all([
            get('timeline?minutes=30'), get('models'), get('calls'), get('principals'), get('latest?limit=50')]);
        costAndTokens('timeline-chart', timeline, minuteLabel, true);
        costAndTokens('models-chart', models, g => g.label, false);
        costAndTokens('calls-chart', calls, g => g.label, false);
        costAndTokens('principals-chart', principals, g => g.label, false);
        showLatest(latest);
        document.body.dataset.loaded = 'true';
    } catch (e) {
        const status = document.getElementById('status');
        status.textContent = 'Could not load: ' + e.message;
        status.className = 'status warn';
    }
}

refresh();
setInterval(refresh, REFRESH_MILLIS);
