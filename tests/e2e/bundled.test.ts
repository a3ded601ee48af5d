// The bundled glossary as a whole (issue 24): its size, that each new article's English alias
// finds it first, that the abbreviations do, and that scan finds the new terms in an
// annual-report excerpt written for this test.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli, fixture } from '../helpers.js';

// id (file name) -> an English alias the article lists; `search "<alias>"` must show it first.
const ENGLISH: Array<[string, string]> = [
  ['amortisedcost', "amortised cost"],
  ['assetturnover', "asset turnover"],
  ['auditcommittee', "audit committee"],
  ['auditorsreport', "auditor's report"],
  ['balanceofpayments', "balance of payments"],
  ['beta', "beta coefficient"],
  ['bondloan', "bond issue"],
  ['bottomtax', "bottom tax"],
  ['businesscycle', "business cycle"],
  ['capex', "capital expenditure"],
  ['capitalincome', "capital income"],
  ['capitalreturnscheme', "capital return scheme"],
  ['capm', "capital asset pricing model"],
  ['cashflowanalysis', "cash flow analysis"],
  ['consumerpriceindex', "consumer price index"],
  ['contingentliabilities', "contingent liabilities"],
  ['convertiblebond', "convertible bond"],
  ['costofdebt', "cost of debt"],
  ['costofequity', "cost of equity"],
  ['counterpartyrisk', "counterparty risk"],
  ['coupon', "coupon"],
  ['coveredbond', "covered bond"],
  ['creditbond', "corporate bond"],
  ['creditrisk', "credit risk"],
  ['creditspread', "credit spread"],
  ['currencyrisk', "currency risk"],
  ['dcf', "DCF"],
  ['deferredtax', "deferred tax"],
  ['deflation', "deflation"],
  ['dividendyield', "dividend yield"],
  ['ecb', "European Central Bank"],
  ['economicgrowth', "economic growth"],
  ['enterprisevalue', "enterprise value"],
  ['eps', "EPS"],
  ['equitysavingsaccount', "equity savings account"],
  ['euribor', "Euribor"],
  ['evebitda', "EV to EBITDA"],
  ['eventsafterbalancesheet', "events after the reporting period"],
  ['extendedreview', "extended review"],
  ['fairvalue', "fair value"],
  ['financialhighlights', "financial highlights"],
  ['fiscalpolicy', "fiscal policy"],
  ['forward', "forward contract"],
  ['freecashflow', "free cash flow"],
  ['future', "futures contract"],
  ['gaap', "generally accepted accounting principles"],
  ['gdp', "GDP"],
  ['goingconcern', "going concern"],
  ['governmentbond', "government bond"],
  ['hedging', "hedging"],
  ['ifrs', "International Financial Reporting Standards"],
  ['interestcoverage', "interest coverage ratio"],
  ['interestraterisk', "interest rate risk"],
  ['liquidityrisk', "liquidity risk"],
  ['losscarryforward', "loss carryforward"],
  ['marketriskpremium', "market risk premium"],
  ['marktomarket', "mark-to-market taxation"],
  ['materiality', "materiality"],
  ['monetarypolicy', "monetary policy"],
  ['multiples', "multiples valuation"],
  ['municipaltax', "municipal tax"],
  ['netdebt', "net debt"],
  ['payoutratio', "payout ratio"],
  ['personalallowance', "basic personal amount"],
  ['personalincome', "personal income"],
  ['personalincometax', "personal income tax"],
  ['pricerisk', "price risk"],
  ['pricetobook', "P/B"],
  ['productivity', "productivity"],
  ['publicdebt', "public debt"],
  ['qualifiedopinion', "qualified opinion"],
  ['quantitativeeasing', "quantitative easing"],
  ['realisationtaxation', "realisation taxation"],
  ['recession', "economic recession"],
  ['reportingclasses', "reporting classes"],
  ['review', "review engagement"],
  ['riskfreerate', "risk-free rate"],
  ['roce', "return on capital employed"],
  ['roic', "return on invested capital"],
  ['segmentreporting', "segment reporting"],
  ['shareincome', "share income"],
  ['stagflation', "stagflation"],
  ['sustainabilityreporting', "sustainability reporting"],
  ['swap', "interest rate swap"],
  ['taxableincome', "taxable income"],
  ['taxdepreciation', "tax depreciation"],
  ['terminalvalue', "terminal value"],
  ['toptax', "top tax"],
  ['unemployment', "unemployment"],
  ['wacc', "weighted average cost of capital"],
  ['xbrl', "eXtensible Business Reporting Language"],
  ['yieldcurve', "yield curve"],
];

function firstHit(query: string): string | undefined {
  const r = cli(['search', query, '--limit', '1', '--json']);
  expect(r.code, `search "${query}": ${r.stderr}`).toBe(0);
  return (JSON.parse(r.stdout) as Array<{ id: string }>)[0]?.id;
}

describe('the bundled glossary', () => {
  it('has at least 250 articles and passes check --strict', () => {
    const list = cli(['list']);
    expect(list.code).toBe(0);
    expect(list.stdout.trim().split('\n').length).toBeGreaterThanOrEqual(250);
    const check = cli(['check', '--strict']);
    expect(check.stderr + check.stdout).toMatch(/0 errors, 0 warnings in \d+ articles/);
    expect(check.code).toBe(0);
  }, 60_000);

  it.each([
    ['wacc', 'wacc'], ['capm', 'capm'], ['gaap', 'gaap'], ['roce', 'roce'], ['ifrs', 'ifrs'], ['eps', 'eps'],
    ['roic', 'roic'], ['bnp', 'gdp'], ['gdp', 'gdp'], ['dcf', 'dcf'], ['cibor', 'euribor'], ['aktieindkomst', 'shareincome'],
  ])('search %s shows %s first', (query, id) => {
    expect(firstHit(query)).toBe(id);
  }, 30_000);

  it('finds each new article first by its English alias', () => {
    const wrong = ENGLISH.map(([id, alias]) => [id, alias, firstHit(alias)]).filter(([id, , hit]) => hit !== id);
    expect(wrong).toEqual([]);
  }, 600_000);

  it('scan finds the new terms in an annual-report excerpt', () => {
    const file = fixture('texts/aarsrapport-uddrag.txt');
    expect(readFileSync(file, 'utf8')).toContain('WACC');
    const r = cli(['scan', '--json', file]);
    expect(r.code, r.stderr).toBe(0);
    const found = new Set((JSON.parse(r.stdout) as Array<{ id: string }>).map((h) => h.id));
    for (const id of ['roic', 'wacc', 'roce', 'eps', 'payoutratio', 'freecashflow', 'capex', 'netdebt', 'interestcoverage', 'swap', 'euribor',
      'currencyrisk', 'forward', 'counterpartyrisk', 'economicgrowth', 'businesscycle', 'recession', 'ecb', 'bondloan', 'ifrs',
      'segmentreporting', 'dcf', 'terminalvalue', 'eventsafterbalancesheet', 'auditorsreport', 'qualifiedopinion', 'goingconcern',
      'deferredtax', 'losscarryforward']) {
      expect(found, id).toContain(id);
    }
    // "var" (was) is not the alias of anything: a stem that short would flood every text.
    expect(found).not.toContain('interestraterisk');
  }, 60_000);
});
