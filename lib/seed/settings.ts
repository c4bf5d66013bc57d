/** The reference site's settings, from the footer of ../shared/seed-article.txt. */
export const referenceSettings = {
  siteName: "乌海市人民政府",
  host: "乌海市人民政府办公室",
  maintainer: "乌海市大数据中心",
  address: "内蒙古乌海市海勃湾区滨河区市行政中心",
  postcode: "016000",
  phone: "0473-3998508",
  psbFiling: "蒙公网安备15030202000006",
  icpFiling: "蒙ICP备05000809号",
  siteCode: "1503000001",
  showPartyGovBadge: true,
  copyright: "版权所有：乌海市人民政府办公室　未经授权，禁止复制或建立镜像",
};
