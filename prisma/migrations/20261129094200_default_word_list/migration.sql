-- The default 敏感词 / 错别字 list a new site starts with (issue 5): commonly misused
-- official terms as warnings with their correct form, and a few terms from Xinhua's
-- list of banned usages (新华社新闻信息报道中的禁用词和慎用词) as blocking words.
-- Admins edit the list at /admin/words. No schema change: this migration carries no
-- schema snapshot, so `npm run db:new-migration` keeps diffing against the previous one.
-- ON CONFLICT keeps a word an admin already added (with their own settings) untouched.

INSERT INTO "SensitiveWord" ("word", "blocking", "replacement", "note") VALUES
  ('截止目前', false, '截至目前', '“截止”指到期停止，“到某时为止”用“截至”'),
  ('截止到目前', false, '截至目前', '“到某时为止”用“截至”'),
  ('做为', false, '作为', '常见错别字'),
  ('既使', false, '即使', '常见错别字'),
  ('部份', false, '部分', '规范词形为“部分”'),
  ('再接再励', false, '再接再厉', '常见错别字'),
  ('一股作气', false, '一鼓作气', '常见错别字'),
  ('一如继往', false, '一如既往', '常见错别字'),
  ('按步就班', false, '按部就班', '常见错别字'),
  ('鼎立相助', false, '鼎力相助', '常见错别字'),
  ('既往不究', false, '既往不咎', '常见错别字'),
  ('迫不急待', false, '迫不及待', '常见错别字'),
  ('贯切落实', false, '贯彻落实', '常见错别字'),
  ('谈笑风声', false, '谈笑风生', '常见错别字'),
  ('美仑美奂', false, '美轮美奂', '常见错别字'),
  ('不径而走', false, '不胫而走', '常见错别字'),
  ('默守成规', false, '墨守成规', '常见错别字'),
  ('出奇不意', false, '出其不意', '常见错别字'),
  ('穿流不息', false, '川流不息', '常见错别字'),
  ('入场卷', false, '入场券', '常见错别字'),
  ('松驰', false, '松弛', '常见错别字'),
  ('重迭', false, '重叠', '规范词形为“重叠”'),
  ('台湾总统', true, '台湾地区领导人', '新华社禁用词：对台湾地区的“总统”不得使用此称谓'),
  ('台湾政府', true, '台湾当局', '新华社禁用词：台湾地区政权机构称“台湾当局”'),
  ('北朝鲜', true, '朝鲜', '新华社禁用词：称“朝鲜”或“朝鲜民主主义人民共和国”'),
  ('南朝鲜', true, '韩国', '新华社禁用词：称“韩国”'),
  ('香港主权移交', true, '香港回归', '新华社禁用词：称“香港回归”或“中国政府对香港恢复行使主权”'),
  ('残废人', true, '残疾人', '新华社禁用词：不使用蔑称')
ON CONFLICT ("word") DO NOTHING;
