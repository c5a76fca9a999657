package cn.gaoxin.approval.notices;

/**
 * Delivers a notice through one channel (SMS gateway, e-mail, the zone's app). Implementations are Spring beans;
 * the dispatcher uses the one whose {@link #channel()} matches the notice. A thrown exception means "try again".
 */
public interface NoticeSender {

  String channel();

  void send(Notice notice) throws Exception;
}
