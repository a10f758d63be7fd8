"""bench/speed.py's own arithmetic: reading wrk's report and turning rates into shares of the ceiling."""

import pytest

from bench.speed import CEILING, PAGE_KINDS, format_table, parse_wrk, shares

WRK_REPORT = """Running 5s test @ http://127.0.0.1:40123/good-practices/
  2 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    61.20ms   12.31ms 140.02ms   71.43%
    Req/Sec    65.43     11.20    90.00     68.00%
  Latency Distribution
     50%   60.11ms
     75%   67.90ms
     90%   76.01ms
     99%  110.50ms
  654 requests in 5.01s, 21.34MB read
  Socket errors: connect 0, read 1, write 0, timeout 2
  Non-2xx or 3xx responses: 3
Requests/sec:    130.54
Transfer/sec:      4.26MB
"""


def test_parse_wrk_reads_rate_requests_errors_and_latency():
    result = parse_wrk(WRK_REPORT)
    assert result == {
        "requests_per_second": 130.54,
        "requests": 654,
        "non_2xx_3xx": 3,
        "errors": 3,
        "latency_ms": 61.2,
    }


def test_parse_wrk_reads_microsecond_latency_and_a_clean_run():
    report = WRK_REPORT.replace("61.20ms", "812.00us").replace(
        "  Socket errors: connect 0, read 1, write 0, timeout 2\n", ""
    )
    report = report.replace("  Non-2xx or 3xx responses: 3\n", "")
    result = parse_wrk(report)
    assert result["latency_ms"] == pytest.approx(0.812)
    assert (result["errors"], result["non_2xx_3xx"]) == (0, 0)


def test_parse_wrk_refuses_a_report_without_a_rate():
    with pytest.raises(ValueError, match="Requests/sec"):
        parse_wrk("unable to connect to 127.0.0.1:1 Connection refused")


def test_shares_are_rates_over_the_ceiling():
    assert shares({CEILING: 2000.0, "home": 500.0, "API 304 (If-None-Match)": 1500.0}) == {
        CEILING: 1.0,
        "home": 0.25,
        "API 304 (If-None-Match)": 0.75,
    }
    assert shares({"home": 500.0}) == {"home": None}  # no ceiling measured: no share invented


def test_format_table_has_a_row_per_page_kind_and_a_column_pair_per_database():
    rates = {CEILING: 2000.0, **{label: 100.0 for label, _path, _mode in PAGE_KINDS}}
    columns = {"demo": {"rates": rates, "shares": shares(rates)}, "+10000": {"rates": {}, "shares": {}}}
    table = format_table(columns).splitlines()
    assert len(table) == 2 + 1 + len(PAGE_KINDS)
    assert "demo req/s" in table[0] and "+10000 req/s" in table[0]
    home = next(line for line in table if line.startswith("| home "))
    assert "100" in home and "5.0%" in home and home.rstrip().endswith("- |")
