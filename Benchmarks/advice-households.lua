-- wrk script: POST to /api/v1/advice a different household each request, cycling over 648 of them
-- (land × capital × flood × salinity × loan category): the full advice, the odds included.
local list = {}
for _, l in ipairs({"300", "800", "1500", "3000", "7000", "2ha"}) do
  for _, c in ipairs({"0", "20tr", "150tr", "1ty"}) do
    for _, f in ipairs({"none", "occasional", "frequent"}) do
      for _, s in ipairs({"low", "medium", "high"}) do
        for _, k in ipairs({"poor", "near-poor", "none"}) do
          list[#list + 1] = string.format('{"land": "%s", "capital": "%s", "flood": "%s", "salinity": "%s", "loan-category": "%s", "members": 4}', l, c, f, s, k)
        end
      end
    end
  end
end
local i = 0
request = function()
  i = i % #list + 1
  return wrk.format("POST", nil, {["Content-Type"] = "application/json"}, list[i])
end
