/** The reading styles of the downloaded HTML file (it cannot load the site's stylesheet). */
export const EXPORT_CSS = `
*{box-sizing:border-box}
body{margin:0;background:#f4f5f7;color:#1f2328;font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC",sans-serif;font-size:18px;line-height:1.85}
main{max-width:860px;margin:24px auto;padding:32px 40px 40px;background:#fff;border:1px solid #e3e6ea}
.site{margin:0 0 16px;padding-bottom:10px;border-bottom:2px solid #a61d24;color:#a61d24;font-weight:700;letter-spacing:.08em}
h1{font-size:26px;line-height:1.5;text-align:center;margin:20px 0 8px}
.subtitle{text-align:center;color:#4a5058;margin:0 0 8px}
.meta{text-align:center;color:#5b6169;font-size:15px;border-bottom:1px solid #e3e6ea;padding-bottom:14px;margin:0 0 24px}
.meta span{margin:0 9px;display:inline-block}
.body p{margin:0 0 1em;text-indent:2em}
.body p[data-indent="0"],.body p[style*="center"],.body p[style*="right"],.body td p,.body th p{text-indent:0}
.body h2,.body h3,.body h4{line-height:1.5;margin:1.4em 0 .8em;break-after:avoid}
.body h2{font-size:1.1em;text-align:center}
.body h3{font-size:1.05em}
.body h4{font-size:1em}
.body figure{margin:1.2em auto;text-align:center;break-inside:avoid}
.body img{max-width:100%;height:auto}
.body figcaption{color:#5b6169;font-size:.85em;margin-top:.4em}
.body table{border-collapse:collapse;width:100%;margin:1em 0}
.body th,.body td{border:1px solid #c8ccd2;padding:6px 10px}
.body blockquote{margin:1em 0;padding:.2em 1em;border-left:4px solid #d9dce1;color:#4a5058}
a{color:#1a4f9c}
.missing-image{color:#5b6169}
table.disclosure{width:100%;border-collapse:collapse;font-size:15px;margin-bottom:8px}
table.disclosure th,table.disclosure td{border:1px solid #d9dce1;padding:6px 10px;text-align:left}
table.disclosure th{background:#f6f7f9;white-space:nowrap;font-weight:600;width:7em}
.attachments,.corrections{margin-top:24px;border-top:1px dashed #d9dce1;padding-top:12px;font-size:16px}
.attachments h2,.corrections h2{font-size:17px;margin:0 0 6px}
.origin{margin-top:28px;color:#5b6169;font-size:14px;word-break:break-all}
@media (max-width:640px){main{margin:0;padding:20px 16px;border:0}h1{font-size:22px}}
@media print{body{background:#fff}main{border:0;margin:0;padding:0}}
`;
