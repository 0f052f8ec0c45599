"""Structural checks of concur's JSON and SARIF output (what GitHub code scanning requires)."""
import json, sys

kind, path = sys.argv[1], sys.argv[2]
doc = json.load(open(path))
if kind == "json":
    assert doc["version"] == 1
    [f] = doc["findings"]
    assert f["check"] == "concur-mt-unsafe-call" and f["level"] == "warning"
    assert f["file"].endswith("pthread-localtime.c") and f["line"] == 8 and f["column"] == 22
    assert "localtime" in f["message"]
    assert f["notes"] and f["notes"][0]["message"].startswith("thread started here")
    assert doc["summary"]["findings"] == 1
else:
    assert doc["version"] == "2.1.0" and doc["$schema"].endswith("sarif-2.1.0.json")
    [run] = doc["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "concur" and driver["version"]
    rules = {r["id"]: r for r in driver["rules"]}
    assert "concur-mt-unsafe-call" in rules
    for r in rules.values():
        assert r["helpUri"].startswith("https://") and r["shortDescription"]["text"]
    [result] = run["results"]
    assert result["ruleId"] == "concur-mt-unsafe-call"
    assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
    assert result["level"] == "warning" and result["message"]["text"]
    loc = result["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"].startswith("file:///")
    assert loc["region"]["startLine"] == 8 and loc["region"]["startColumn"] == 22
    assert result["relatedLocations"][0]["message"]["text"].startswith("thread started here")
    flow = result["codeFlows"][0]["threadFlows"][0]["locations"]
    assert len(flow) == len(result["relatedLocations"]) + 1
print("ok")
